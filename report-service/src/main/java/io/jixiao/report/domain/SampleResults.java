package io.jixiao.report.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 抽查复核 as values: a round's sample with each member's outcome, and one department's re-review. The
 * services answer them, the API returns them and the assembly renders the 抽查复核情况报告 from them.
 */
public final class SampleResults {

    private SampleResults() {
    }

    public record Member(String departmentId, String departmentCode, String departmentName, String grade,
            String sizeBand, String stratum, String budget, String selfTotal, boolean byHand, boolean reviewed,
            String reviewTotal, String deviation, Boolean flagged) {
    }

    /** Self versus re-review over the reviewed departments (averages of the totals). */
    public record Summary(int sampled, int reviewed, int flagged, String selfAverage, String reviewAverage,
            String averageDeviation) {
    }

    public record SampleResponse(long roundId, int fiscalYear, String percentage, int minimum, long seed, int population,
            String drawnBy, OffsetDateTime drawnAt, String threshold, List<Member> members, Summary summary) {
    }

    public record ReviewItem(String code, String level1, String level2, String name, String points, String tier,
            String selfScore, String score, String deviation, boolean flagged, String comment) {
    }

    /** version null: not re-reviewed yet (the items carry the self scores, the form to fill in). */
    public record ReviewResponse(long roundId, String departmentId, String departmentName, int fiscalYear,
            List<ReviewItem> items, String findings, String selfTotal, String reviewTotal, String deviation,
            String threshold, boolean flagged, List<String> reasons, String reviewedBy, OffsetDateTime reviewedAt,
            Long version) {
    }
}
