package io.jixiao.budget.rest;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

@Schema(name = "BasicExpenditureInput", description = "基本支出 as entered: amounts in 元, at most 2 decimals")
public record BasicExpenditureInput(
        @Schema(description = "预算数 (元)", example = "6378800.00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
        @NotNull(message = "{jixiao.amount.required}")
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal budget,

        @Schema(description = "实际支出 (元)", example = "6991300.00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
        @NotNull(message = "{jixiao.amount.required}")
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal actual,

        @Schema(description = "The version this change is based on (from the last read); null when entering for the first time. If-Match works too.", example = "1", nullable = true)
        Long version) {
}
