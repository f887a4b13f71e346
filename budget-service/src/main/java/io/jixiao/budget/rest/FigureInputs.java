package io.jixiao.budget.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.budget.domain.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the department-year sections. Money in 元, at most 2 decimals; null = not provided. */
public final class FigureInputs {

    private FigureInputs() {
    }

    @Schema(name = "StaffingInput", description = "人员情况 at year end")
    public record StaffingInput(
            @Schema(description = "编制数", example = "20") @PositiveOrZero(message = "{jixiao.count.negative}") Integer authorizedPosts,
            @Schema(description = "实有在职在编", example = "22") @PositiveOrZero(message = "{jixiao.count.negative}") Integer staffInPost,
            @Schema(description = "退役士官", example = "1") @PositiveOrZero(message = "{jixiao.count.negative}") Integer retiredSoldiers,
            @Schema(description = "临聘人员", example = "4") @PositiveOrZero(message = "{jixiao.count.negative}") Integer temporaryStaff,
            @Schema(description = "派驻人员", example = "2") @PositiveOrZero(message = "{jixiao.count.negative}") Integer secondedStaff,
            @Schema(description = "离退休人员", example = "8") @PositiveOrZero(message = "{jixiao.count.negative}") Integer retirees,
            @Schema(description = "version read; null the first time", nullable = true) Long version) {
    }

    @Schema(name = "OtherFiguresInput", description = "三公经费, 政府采购, 结转结余, 固定资产, monthly payments")
    public record OtherFiguresInput(
            @Amount BigDecimal overseasBudget, @Amount BigDecimal overseasActual,
            @Amount BigDecimal carsBudget, @Amount BigDecimal carsActual,
            @Amount BigDecimal receptionBudget, @Amount BigDecimal receptionActual,
            @Amount BigDecimal threePublicBudgetLastYear,
            @Amount BigDecimal procurementBudget, @Amount BigDecimal procurementActual,
            @Amount BigDecimal carryOver, @Amount BigDecimal carryOverLastYear,
            @Amount BigDecimal fixedAssetsTotal, @Amount BigDecimal fixedAssetsInUse,
            @Schema(description = "amount paid in each month 1..12 (元)")
            @Size(min = 12, max = 12, message = "{jixiao.months.twelve}") List<@Amount BigDecimal> monthlyPayments,
            Long version) {
    }

    @Schema(name = "ProjectInput", description = "项目支出: one project")
    public record ProjectInput(
            @Schema(example = "平安望城建设") @NotBlank(message = "{jixiao.name.required}") @Size(max = Limits.PROJECT_NAME, message = "{jixiao.text.max}") String name,
            @Schema(description = "年初预算 (元); 0 when added during the year", example = "600000.00")
            @NotNull(message = "{jixiao.amount.required}") @Amount BigDecimal budget,
            @Schema(description = "追加 (+) / 调减 (−) during the year (元)", example = "0.00")
            @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}") BigDecimal adjustment,
            @Schema(description = "reason of the adjustment") @Size(max = Limits.ADJUSTMENT_REASON, message = "{jixiao.text.max}") String adjustmentReason,
            @Schema(description = "paid through the unit's payment system (元)", example = "652800.00")
            @NotNull(message = "{jixiao.amount.required}") @Amount BigDecimal actualOwn,
            @Schema(description = "paid directly by the finance bureau (元)", example = "0.00")
            @Amount BigDecimal actualDirect,
            @Schema(description = "重点项目") boolean keyProject,
            Long version) {
    }

    @Schema(name = "VarianceReasonsInput", description = "The reasons of every variance of the year, replacing the previous list")
    public record VarianceReasonsInput(@NotNull @Size(max = Limits.REASONS, message = "{jixiao.list.max}") @Valid List<ReasonInput> reasons,
            @Schema(description = "filing revision read (from the sheet); null the first time") Long revision) {
    }

    @Schema(name = "VarianceReasonInput")
    public record ReasonInput(
            @Schema(description = "BASIC, PROJECTS (all projects) or PROJECT (with projectId)", example = "PROJECT")
            @NotNull(message = "{jixiao.line.required}") io.jixiao.budget.domain.VarianceReason.Line line,
            Long projectId,
            @Schema(description = "amount explained, signed (元)", example = "52800.00")
            @NotNull(message = "{jixiao.amount.required}") @Digits(integer = 15, fraction = 2, message = "{jixiao.amount.digits}") BigDecimal amount,
            @Schema(example = "参保人数增加") @NotBlank(message = "{jixiao.reason.required}") @Size(max = Limits.REASON, message = "{jixiao.text.max}") String reason) {
    }
}
