package io.jixiao.budget.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a department reports for one fiscal year, with every derived figure (totals, variances,
 * rates, shares), computed in one place (BudgetSheetService). Money in 元 as decimal strings; rates
 * in % with 2 decimals; null = not provided (数据缺失), never 0.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BudgetSheet(String departmentId, int fiscalYear, long revision, boolean locked,
        Profile department, Staffing staffing, Basic basic, List<Project> projects, ProjectTotals projectTotals,
        ThreePublic threePublic, Pair procurement, Pair carryOver, Assets assets, List<String> monthlyPayments,
        List<Reason> varianceReasons, List<ReasonCheck> reasonChecks, Spending spending) {

    /** 单位基本情况 as of the sheet: name, code, 职能职责, 内设科室. */
    public record Profile(String code, String name, String jurisdiction, List<String> duties, List<String> divisions) {
    }

    public record Staffing(Integer authorizedPosts, Integer staffInPost, Integer retiredSoldiers,
            Integer temporaryStaff, Integer secondedStaff, Integer retirees,
            Integer staffInPostLastYear, Integer temporaryStaffLastYear,
            /** 实有在职在编 − 编制数, when positive: staff over 编制 */
            Integer overAuthorized, long version) {
    }

    public record Basic(String budget, String actual, String variance, String executionRate,
            String personnelActual, String subsidiesActual, String publicFundsActual, String publicFundsBudget,
            /** sum of the three parts, and actual − that sum (non-zero: the parts and the total disagree) */
            String partsSum, String partsDifference, long version) {
    }

    public record Project(long id, String name, String budget, String adjustment, String adjustmentReason,
            String adjustedBudget, String actualOwn, String actualDirect, String actual, String variance,
            String executionRate, boolean keyProject, long version) {
    }

    public record ProjectTotals(int count, String budget, String adjustment, String adjustedBudget,
            String actualOwn, String actualDirect, String actual, String variance, String executionRate,
            String keyProjectsActual, String keyProjectsShare) {
    }

    public record ThreePublic(String overseasBudget, String overseasActual, String carsBudget, String carsActual,
            String receptionBudget, String receptionActual, String totalBudget, String totalActual,
            String budgetLastYear, long version) {
    }

    public record Pair(String budgetOrCurrent, String actualOrPrevious) {
    }

    public record Assets(String total, String inUse, String utilisationRate) {
    }

    public record Reason(long id, String line, Long projectId, String amount, String reason) {
    }

    /** Whether the reasons given for a line add up to its variance. */
    public record ReasonCheck(String line, Long projectId, String variance, String explained, String unexplained,
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
    public record SpendingCheck(String line, Long projectId, int lines, String linesOwn, String linesDirect,
            String linesTotal, String stated, String difference, boolean matches) {
    }
}
