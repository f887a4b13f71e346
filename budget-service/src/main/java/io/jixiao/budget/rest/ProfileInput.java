package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "ProfileInput", description = "单位基本情况: name, duties and internal divisions")
public record ProfileInput(
        @Schema(example = "中共长沙市望城区委政法委员会") @NotBlank(message = "{jixiao.name.required}") @Size(max = 200) String name,
        @Schema(description = "职能职责, in order") @NotNull @Size(max = 50) List<@NotBlank(message = "{jixiao.item.blank}") @Size(max = 500) String> duties,
        @Schema(description = "内设科室") @NotNull @Size(max = 50) List<@NotBlank(message = "{jixiao.item.blank}") @Size(max = 100) String> divisions,
        @Schema(description = "version read") @NotNull(message = "{jixiao.version.required}") Long version) {
}
