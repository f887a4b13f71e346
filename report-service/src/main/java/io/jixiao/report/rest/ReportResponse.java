package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.report.assembly.Report;
import io.jixiao.report.checker.Finding;
import io.jixiao.report.service.ReportService;

/**
 * GET /reports/{d}/{y}: the assembled report with the checker's findings. The report's own records live
 * in the pure {@code assembly} core; these mirror them for the contract, field for field, so the JSON is
 * the one the assembly gives.
 */
@Schema(description = "The self-evaluation report (自评报告) with the checker's findings and its plain text")
public record ReportResponse(ReportDocumentResponse report, long sheetRevision,
        @Schema(nullable = true, description = "revision of the score card the report used, null without a score") Long scoreRevision,
        long fatal, long warnings, List<FindingResponse> findings,
        @Schema(description = "the report as the plain text the checker reads") String text) {

    static ReportResponse of(ReportService.Assembled a) {
        return new ReportResponse(ReportDocumentResponse.of(a.report()), a.sheetRevision(), a.scoreRevision(),
                a.findings().stream().filter(f -> f.severity() == Finding.Severity.FATAL).count(),
                a.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(),
                FindingResponse.of(a.findings()), a.report().toText());
    }

    // a description on score would make SmallRye keep "type": "object" beside its anyOf, which refuses the null
    @Schema(description = "The report: title, the outline 一 … 六, unit, date and the annexes: the scoring table (评分表; "
            + "score null while nothing is scored) and the projects")
    public record ReportDocumentResponse(String title, List<ReportOutlineSectionResponse> sections, String unit, String date,
            @Schema(nullable = true) ReportScoreResponse score,
            List<ReportProjectResponse> projects) {

        static ReportDocumentResponse of(Report r) {
            return new ReportDocumentResponse(r.title(),
                    r.sections().stream().map(s -> new ReportOutlineSectionResponse(s.number(), s.title(), s.parts().stream()
                            .map(p -> new ReportPartResponse(p.heading(), p.paragraphs())).toList())).toList(),
                    r.unit(), r.date(),
                    r.score() == null ? null : new ReportScoreResponse(r.score().total(), r.score().grade(),
                            r.score().rows().stream().map(w -> new ReportScoreRowResponse(w.level1(), w.level2(), w.name(),
                                    w.points(), w.value(), w.score(), w.status())).toList()),
                    r.projects() == null ? null : r.projects().stream().map(p -> new ReportProjectResponse(p.name(),
                            p.budget(), p.adjustment(), p.actualOwn(), p.actualDirect(), p.actual(), p.executionRate(),
                            p.keyProject())).toList());
        }
    }

    @Schema(description = "A section of the outline: its number (一 … 六), title and parts")
    public record ReportOutlineSectionResponse(@Schema(example = "二") String number, String title, List<ReportPartResponse> parts) {
    }

    @Schema(description = "A part of a section: an optional sub-heading such as （一）基本支出情况 and its paragraphs")
    public record ReportPartResponse(@Schema(nullable = true, description = "null: the paragraphs follow the section title") String heading,
            List<String> paragraphs) {
    }

    @Schema(description = "The scoring table (评分表): total, grade and one row per indicator, as printed")
    public record ReportScoreResponse(String total, String grade, List<ReportScoreRowResponse> rows) {
    }

    @Schema(description = "One indicator of the scoring table as printed (value — when 数据缺失; status in words)")
    public record ReportScoreRowResponse(String level1, String level2, String name, String points, String value, String score,
            String status) {
    }

    @Schema(description = "One project of the annex, amounts in 万元 as printed (— when not reported)")
    public record ReportProjectResponse(String name, String budget, String adjustment, String actualOwn, String actualDirect,
            String actual, String executionRate, boolean keyProject) {
    }
}
