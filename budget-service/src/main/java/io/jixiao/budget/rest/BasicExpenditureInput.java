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

        @Schema(description = "工资福利 (元), part of the actual", example = "6095200.00", nullable = true)
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal personnelActual,

        @Schema(description = "对个人和家庭的补助 (元), part of the actual", example = "557900.00", nullable = true)
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal subsidiesActual,

        @Schema(description = "公用经费 actual (元), part of the actual", example = "338100.00", nullable = true)
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal publicFundsActual,

        @Schema(description = "公用经费 budget (元)", example = "400000.00", nullable = true)
        @PositiveOrZero(message = "{jixiao.amount.negative}")
        @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}")
        BigDecimal publicFundsBudget,

        @Schema(description = "The version this change is based on (from the last read); null when entering for the first time. If-Match works too.", example = "1", nullable = true)
        Long version) {

    /** The slice's shape: budget and actual only. */
    public BasicExpenditureInput(BigDecimal budget, BigDecimal actual, Long version) {
        this(budget, actual, null, null, null, null, version);
    }
}
