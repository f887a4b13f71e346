package io.jixiao.report.assembly;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of budget-service's sheet (BudgetFiguresChanged v1) the report is written from, and the monthly
 * figures the year-end rush check reads (entered 按月支付数; 支出明细 summed by month of payment).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetSheet(String departmentId, int fiscalYear, long revision, Profile department, Staffing staffing,
        Basic basic, List<Project> projects, ProjectTotals projectTotals, List<Reason> varianceReasons,
        List<BigDecimal> monthlyPayments, Spending spending) {

    /** byMonth: the 支出明细 summed by month of 支付日期, January first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spending(List<BigDecimal> byMonth) {
    }

    /** The 支出明细 by month, or null when there are none. */
    public List<BigDecimal> spendingByMonth() {
        return spending == null ? null : spending.byMonth();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String code, String name, List<String> duties, List<String> divisions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Staffing(Integer authorizedPosts, Integer staffInPost, Integer retiredSoldiers, Integer temporaryStaff,
            Integer secondedStaff, Integer retirees, Integer staffInPostLastYear) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Basic(BigDecimal budget, BigDecimal actual, BigDecimal variance, BigDecimal personnelActual,
            BigDecimal subsidiesActual, BigDecimal publicFundsActual) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(long id, String name, BigDecimal budget, BigDecimal adjustment, String adjustmentReason,
            BigDecimal actualOwn, BigDecimal actualDirect, BigDecimal actual, BigDecimal executionRate,
            boolean keyProject) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectTotals(BigDecimal budget, BigDecimal actualOwn, BigDecimal actualDirect, BigDecimal actual,
            BigDecimal variance, BigDecimal executionRate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String line, Long projectId, BigDecimal amount, String reason) {
    }
}
