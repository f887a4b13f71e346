package io.jixiao.budget.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a department reports for one fiscal year, with every derived figure (totals, variances,
 * rates, shares), computed in one place (BudgetSheetService). Money in 元 as decimal strings; rates
 * in % with 2 decimals; null = not provided (数据缺失), never 0.
 */
// A part not reported yet is null: the nullable marks below are what the SPA's types and ContractAssert
// read (no description beside a nullable $ref: SmallRye would keep "type": "object" there, which refuses null).
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BudgetSheet(String departmentId, int fiscalYear, long revision, boolean locked,
        @Schema(nullable = true) Profile department, @Schema(nullable = true) Staffing staffing,
        @Schema(nullable = true) Basic basic, List<Project> projects, @Schema(nullable = true) ProjectTotals projectTotals,
        @Schema(nullable = true) ThreePublic threePublic, @Schema(nullable = true) Pair procurement,
        @Schema(nullable = true) Pair carryOver, @Schema(nullable = true) Assets assets,
        @Schema(nullable = true, description = "paid in each month 1..12 (元), a month null when not entered; "
                + "null when no month was") List<String> monthlyPayments,
        List<Reason> varianceReasons, List<ReasonCheck> reasonChecks, @Schema(nullable = true) Spending spending) {

    /** 单位基本情况 as of the sheet: name, code, 职能职责, 内设科室. */
    public record Profile(String code, String name, String jurisdiction, List<String> duties, List<String> divisions) {
    }

    /** Every count null when not entered; the last year's null without last year's 人员情况. */
    public record Staffing(@Schema(nullable = true) Integer authorizedPosts, @Schema(nullable = true) Integer staffInPost,
            @Schema(nullable = true) Integer retiredSoldiers, @Schema(nullable = true) Integer temporaryStaff,
            @Schema(nullable = true) Integer secondedStaff, @Schema(nullable = true) Integer retirees,
            @Schema(nullable = true) Integer staffInPostLastYear, @Schema(nullable = true) Integer temporaryStaffLastYear,
            @Schema(description = "实有在职在编 − 编制数 when positive (staff over 编制), else null", nullable = true)
            Integer overAuthorized, long version) {
    }

    public record Basic(String budget, String actual, String variance,
            @Schema(description = "预算完成率 (%), null when the budget is 0", nullable = true) String executionRate,
            @Schema(nullable = true) String personnelActual, @Schema(nullable = true) String subsidiesActual,
            @Schema(nullable = true) String publicFundsActual, @Schema(nullable = true) String publicFundsBudget,
            @Schema(description = "sum of the three parts, null while one is missing", nullable = true) String partsSum,
            @Schema(description = "actual − partsSum (non-zero: the parts and the total disagree)", nullable = true)
            String partsDifference, long version) {
    }

    public record Project(long id, String name, String budget, String adjustment,
            @Schema(nullable = true) String adjustmentReason, String adjustedBudget, String actualOwn, String actualDirect,
            String actual, String variance, @Schema(description = "null when the budget is 0", nullable = true)
            String executionRate, boolean keyProject, long version) {
    }

    public record ProjectTotals(int count, String budget, String adjustment, String adjustedBudget,
            String actualOwn, String actualDirect, String actual, String variance,
            @Schema(nullable = true) String executionRate, String keyProjectsActual,
            @Schema(description = "null when nothing was spent", nullable = true) String keyProjectsShare) {
    }

    /** Each amount null when not entered; a total null while one of its parts is. */
    public record ThreePublic(@Schema(nullable = true) String overseasBudget, @Schema(nullable = true) String overseasActual,
            @Schema(nullable = true) String carsBudget, @Schema(nullable = true) String carsActual,
            @Schema(nullable = true) String receptionBudget, @Schema(nullable = true) String receptionActual,
            @Schema(nullable = true) String totalBudget, @Schema(nullable = true) String totalActual,
            @Schema(nullable = true) String budgetLastYear, long version) {
    }

    public record Pair(@Schema(nullable = true) String budgetOrCurrent, @Schema(nullable = true) String actualOrPrevious) {
    }

    public record Assets(@Schema(nullable = true) String total, @Schema(nullable = true) String inUse,
            @Schema(nullable = true) String utilisationRate) {
    }

    public record Reason(long id, @Schema(enumeration = { "BASIC", "PROJECTS", "PROJECT" }) String line,
            @Schema(description = "the project of a PROJECT line, else null", nullable = true) Long projectId,
            String amount, String reason) {
    }

    /** Whether the reasons given for a line add up to its variance. */
    public record ReasonCheck(@Schema(enumeration = { "BASIC", "PROJECTS", "PROJECT" }) String line,
            @Schema(nullable = true) Long projectId, String variance, String explained, String unexplained,
            boolean matches) {
    }

    /** 支出明细 of the year: how many, their total, and per line whether they add up to the stated actual. */
    /** byMonth: the lines' sums per month of 支付日期, January first, "0.00" for a month without lines. */
    public record Spending(int lines, String total, List<SpendingCheck> checks, List<String> byMonth) {
    }

    /**
     * Lines of 基本支出 (line BASIC) or of one project against the actual the sheet states; for a project
     * also by payment channel (单位自有 vs 财政直接支付). A report of the data, not a rule: never stored.
     */
    public record SpendingCheck(@Schema(enumeration = { "BASIC", "PROJECT" }) String line,
            @Schema(nullable = true) Long projectId, int lines, String linesOwn, String linesDirect, String linesTotal,
            @Schema(description = "the actual the sheet states; null without 基本支出", nullable = true) String stated,
            @Schema(nullable = true) String difference, boolean matches) {
    }
}
