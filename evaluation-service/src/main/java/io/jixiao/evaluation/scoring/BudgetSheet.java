package io.jixiao.evaluation.scoring;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of budget-service's BudgetFiguresChanged sheet that scoring reads (our copy; the
 * producer's schema is budget-service/src/main/resources/schemas/BudgetFiguresChanged.v1.json).
 * monthlyPayments: the 12 按月支付数 the department entered; spending: its 支出明细 (null when it has no lines).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetSheet(String departmentId, int fiscalYear, long revision, Department department, Staffing staffing,
        Basic basic, ProjectTotals projectTotals, List<Project> projects, ThreePublic threePublic, Pair procurement,
        Pair carryOver, Assets assets, List<BigDecimal> monthlyPayments, Spending spending) {

    /** The department's profile as of the sheet; jurisdiction (区县) selects the assigned template. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, String name, String jurisdiction) {
    }

    /** byMonth: the 支出明细 summed by month of 支付日期, January first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spending(List<BigDecimal> byMonth) {
    }

    /** The 支出明细 by month, or null when there are none. */
    public List<BigDecimal> spendingByMonth() {
        return spending == null ? null : spending.byMonth();
    }

    public String jurisdiction() {
        return department == null ? null : department.jurisdiction();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Staffing(Integer authorizedPosts, Integer staffInPost) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Basic(BigDecimal budget, BigDecimal actual, BigDecimal publicFundsActual,
            BigDecimal publicFundsBudget, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectTotals(BigDecimal budget, BigDecimal adjustment, BigDecimal actual,
            BigDecimal keyProjectsActual) {
    }

    /** adjustedBudget: 全年预算数 (年初预算 + 追加/调减); actual: own payments + 财政直接支付. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(Long id, String name, BigDecimal budget, BigDecimal adjustment, BigDecimal adjustedBudget,
            BigDecimal actual, boolean keyProject) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThreePublic(BigDecimal totalBudget, BigDecimal totalActual, BigDecimal budgetLastYear) {
    }

    /** procurement: budget / actual; carryOver: this year / last year. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pair(BigDecimal budgetOrCurrent, BigDecimal actualOrPrevious) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assets(BigDecimal total, BigDecimal inUse) {
    }
}
