package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.domain.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "ProfileInput", description = "单位基本情况: name, duties and internal divisions")
public record ProfileInput(
        @Schema(example = "中共长沙市望城区委政法委员会") @NotBlank(message = "{jixiao.name.required}") @Size(max = Limits.NAME, message = "{jixiao.text.max}") String name,
        @Schema(description = "职能职责, in order") @NotNull @Size(max = Limits.DUTIES, message = "{jixiao.list.max}") List<@NotBlank(message = "{jixiao.item.blank}") @Size(max = Limits.DUTY, message = "{jixiao.text.max}") String> duties,
        @Schema(description = "内设科室") @NotNull @Size(max = Limits.DIVISIONS, message = "{jixiao.list.max}") List<@NotBlank(message = "{jixiao.item.blank}") @Size(max = Limits.DIVISION, message = "{jixiao.text.max}") String> divisions,
        @Schema(description = "version read") @NotNull(message = "{jixiao.version.required}") Long version) {
}
