package io.jixiao.budget.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.domain.BasicExpenditure;
import io.jixiao.budget.service.DerivedFigures;
import io.jixiao.platform.money.Money;

@Schema(name = "BasicExpenditure", description = "基本支出 with its derived figures; money in 元 as decimal strings")
public record BasicExpenditureResponse(
        @Schema(example = "d0000000-0000-4000-8000-000000000001") String departmentId,
        @Schema(example = "2020") int fiscalYear,
        @Schema(description = "预算数 (元)", example = "6378800.00") String budget,
        @Schema(description = "实际支出 (元)", example = "6991300.00") String actual,
        @Schema(description = "差异 = 实际 − 预算 (元)", example = "612500.00") String variance,
        @Schema(description = "预算完成率 (%), null when the budget is 0", example = "109.60", nullable = true) String executionRate,
        @Schema(description = "工资福利 (元)", nullable = true) String personnelActual,
        @Schema(description = "对个人和家庭的补助 (元)", nullable = true) String subsidiesActual,
        @Schema(description = "公用经费 actual (元)", nullable = true) String publicFundsActual,
        @Schema(description = "公用经费 budget (元)", nullable = true) String publicFundsBudget,
        @Schema(example = "1") long version,
        OffsetDateTime updatedAt,
        @Schema(example = "zfw") String updatedBy) {

    public static BasicExpenditureResponse of(BasicExpenditure e) {
        DerivedFigures d = DerivedFigures.of(e.budget, e.actual);
        return new BasicExpenditureResponse(e.departmentId, e.fiscalYear, Money.yuan(e.budget).toPlainString(),
                Money.yuan(e.actual).toPlainString(), d.variance().toPlainString(),
                d.executionRatePercent() == null ? null : d.executionRatePercent().toPlainString(),
                text(e.personnelActual), text(e.subsidiesActual), text(e.publicFundsActual), text(e.publicFundsBudget),
                e.version,
                e.updatedAt, e.updatedBy);
    }

    private static String text(java.math.BigDecimal v) {
        return v == null ? null : Money.yuan(v).toPlainString();
    }
}
