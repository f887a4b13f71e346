package io.jixiao.report.domain;

import java.math.BigDecimal;
import java.util.List;

/** 结果应用 of a round as values: what OutcomeExport reads and the assembly writes into the XLSX. */
public final class RoundOutcome {

    private RoundOutcome() {
    }

    /** 未抽查, 未复核, 自评偏差较大 or 无明显偏差. */
    public enum ReviewOutcome { NOT_SAMPLED, NOT_REVIEWED, FLAGGED, CONFIRMED }

    public record WeakProject(long projectId, String name, String total, String grade, BigDecimal budget,
            BigDecimal adjustedBudget) {
    }

    public record Row(String departmentCode, String departmentName, String selfTotal, String grade,
            ReviewOutcome review, String reviewTotal, List<WeakProject> projects) {
    }

    public record Outcome(int fiscalYear, String district, List<Row> rows) {
    }
}
