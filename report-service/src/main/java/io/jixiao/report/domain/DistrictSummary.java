package io.jixiao.report.domain;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.money.Money;

/**
 * The district summary (全区汇总) as values: a department-year's row as the API answers it and as the
 * bureau's documents render it, and the year's totals over the rows. DistrictSummaryService writes and
 * pages the rows; the assembly renders them.
 */
public final class DistrictSummary {

    private DistrictSummary() {
    }

    @Schema(name = "DistrictSummaryRow", description = "A department-year of the district summary (money in 元, rates in %)")
    public record Row(String departmentId, String departmentCode, String departmentName, int fiscalYear,
            @Schema(enumeration = { "DRAFT", "SUBMITTING", "SUBMITTED", "RETURNED", "APPROVED" }, example = "SUBMITTED")
            String status,
            @Schema(nullable = true, description = "null: never submitted", example = "1") Integer filingVersion,
            @Schema(nullable = true, description = "null before the first evaluation", example = "72.50") String score,
            @Schema(nullable = true, example = "中") String grade,
            @Schema(nullable = true, example = "17918800.00") String budget,
            @Schema(nullable = true, example = "19305400.00") String actual,
            @Schema(nullable = true, description = "null: 数据缺失 (no budget)", example = "107.74") String executionRate,
            @Schema(nullable = true, example = "109.60") String basicExecutionRate,
            @Schema(nullable = true, example = "106.71") String projectExecutionRate, long fatal, long warnings,
            List<String> mainFindings, long sheetRevision,
            @Schema(nullable = true, description = "null: not re-reviewed") ReReview reReview) {
    }

    /**
     * 抽查复核 of the department-year, null when it was not re-reviewed: the self total as it was re-reviewed,
     * the re-review total, their deviation (self − re-review) and the 自评偏差较大 flag.
     */
    @Schema(name = "DistrictSummaryReReview")
    public record ReReview(long roundId, String selfTotal, String reviewTotal, String deviation, boolean flagged) {
    }

    /** The year's figures over all departments (for the summary document's opening paragraph). */
    public record Totals(int departments, int submitted, int approved, int returned, int draft, String budget,
            String actual, String executionRate, java.util.Map<String, Integer> grades) {
    }

    /** Adds a row into running totals (the summary document's first paragraph). */
    public static final class Tally {
        int departments;
        int submitted;
        int approved;
        int returned;
        int draft;
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        final java.util.Map<String, Integer> grades = new java.util.LinkedHashMap<>();

        public Tally() {
            for (String g : List.of("优", "良", "中", "差")) {
                grades.put(g, 0);
            }
        }

        public void add(Row r) {
            departments++;
            switch (r.status()) {
                case "SUBMITTED" -> submitted++;
                case "APPROVED" -> approved++;
                case "RETURNED" -> returned++;
                default -> draft++;
            }
            if (r.budget() != null) {
                budget = budget.add(new BigDecimal(r.budget()));
            }
            if (r.actual() != null) {
                actual = actual.add(new BigDecimal(r.actual()));
            }
            if (r.grade() != null) {
                grades.merge(r.grade(), 1, Integer::sum);
            }
        }

        public Totals totals() {
            return new Totals(departments, submitted, approved, returned, draft, yuan(budget), yuan(actual),
                    rate(actual, budget), grades);
        }
    }

    public static String yuan(BigDecimal v) {
        return v == null ? null : Money.yuan(v).toPlainString();
    }

    /** Percent with 2 decimals; null (数据缺失) when there is no budget to compare with. */
    public static String rate(BigDecimal actual, BigDecimal budget) {
        BigDecimal r = Money.ratio(actual, budget);
        return r == null ? null : Money.percent(r).toPlainString();
    }
}
