package io.jixiao.report.domain;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 抽查复核 as values: a round's sample with each member's outcome, and one department's re-review. The
 * services answer them, the API returns them and the assembly renders the 抽查复核情况报告 from them.
 */
public final class SampleResults {

    private SampleResults() {
    }

    @Schema(name = "SampleMember", description = "A sampled department: its stratum, self score and re-review outcome (totals in points)")
    public record Member(@Schema(example = "d0000000-0000-4000-8000-000000000002") String departmentId,
            @Schema(example = "101002") String departmentCode, @Schema(example = "示例区教育局") String departmentName,
            @Schema(description = "the self-evaluation's grade", example = "良") String grade,
            @Schema(enumeration = { "SMALL", "MEDIUM", "LARGE", "NONE" }, description = "budget tercile (NONE: no figures)",
                    example = "LARGE") String sizeBand,
            @Schema(description = "grade/sizeBand", example = "良/LARGE") String stratum,
            @Schema(nullable = true, description = "元; null without figures", example = "63788000.00") String budget,
            @Schema(nullable = true, example = "86.50") String selfTotal,
            @Schema(description = "added by hand as a key department") boolean byHand, boolean reviewed,
            @Schema(nullable = true, description = "null until re-reviewed", example = "74.00") String reviewTotal,
            @Schema(nullable = true, description = "self − re-review; null until re-reviewed", example = "12.50") String deviation,
            @Schema(nullable = true, description = "自评偏差较大; null until re-reviewed") Boolean flagged) {
    }

    /** Self versus re-review over the reviewed departments (averages of the totals). */
    @Schema(name = "SampleSummary", description = "Self versus re-review over the reviewed departments (averages; null while none is)")
    public record Summary(int sampled, int reviewed, int flagged, @Schema(nullable = true, example = "86.50") String selfAverage,
            @Schema(nullable = true, example = "74.00") String reviewAverage,
            @Schema(nullable = true, example = "12.50") String averageDeviation) {
    }

    @Schema(name = "Sample", description = "抽查复核: a round's drawn sample (reproducible from the seed) and each member's outcome")
    public record SampleResponse(@Schema(example = "1") long roundId, @Schema(example = "2020") int fiscalYear,
            @Schema(description = "percent of the submitted and approved filings", example = "20") String percentage,
            @Schema(example = "3") int minimum, @Schema(example = "20210415") long seed,
            @Schema(description = "filings drawn from", example = "12") int population, @Schema(example = "czj") String drawnBy,
            OffsetDateTime drawnAt, @Schema(description = "total deviation (points) that flags a department", example = "10")
            String threshold, List<Member> members, Summary summary) {
    }

    @Schema(name = "ReReviewItem", description = "An indicator of the score card: the self score and its re-review (points)")
    public record ReviewItem(@Schema(example = "social-benefit") String code, @Schema(example = "效果") String level1,
            @Schema(example = "履职效益") String level2, @Schema(example = "社会效益") String name,
            @Schema(example = "8") String points,
            @Schema(description = "the deviation that flags the indicator", example = "1.60") String tier,
            @Schema(example = "8.00") String selfScore,
            @Schema(nullable = true, description = "null until re-reviewed", example = "4.50") String score,
            @Schema(nullable = true, example = "3.50") String deviation, boolean flagged,
            @Schema(nullable = true) String comment) {
    }

    /** version null: not re-reviewed yet (the items carry the self scores, the form to fill in). */
    @Schema(name = "ReReview", description = "One sampled department's re-review (version null: not re-reviewed yet, the form)")
    public record ReviewResponse(@Schema(example = "1") long roundId,
            @Schema(example = "d0000000-0000-4000-8000-000000000002") String departmentId,
            @Schema(example = "示例区教育局") String departmentName, @Schema(example = "2020") int fiscalYear,
            List<ReviewItem> items, @Schema(nullable = true, example = "自评依据不充分。") String findings,
            @Schema(nullable = true, example = "86.50") String selfTotal,
            @Schema(nullable = true, example = "74.00") String reviewTotal,
            @Schema(nullable = true, example = "12.50") String deviation, @Schema(example = "10") String threshold,
            boolean flagged,
            @Schema(description = "TOTAL and the codes of the indicators beyond their tier", example = "[\"TOTAL\",\"social-benefit\"]")
            List<String> reasons,
            @Schema(nullable = true, example = "czj") String reviewedBy, @Schema(nullable = true) OffsetDateTime reviewedAt,
            @Schema(nullable = true, example = "1") Long version) {
    }
}
