package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.report.checker.Finding;

/**
 * One finding of the checker as the API shows it (report and upload checks). The checker stays free of
 * API annotations, so its severity and tag travel as their names; the enumerations below list them
 * (FindingResponseTest holds them equal to the checker's enums).
 */
@Schema(description = "One problem the checker found, where it is and what was expected")
public record FindingResponse(
        @Schema(enumeration = { "FATAL", "WARNING" }, description = "FATAL only for certain findings (arithmetic, a missing part, cut-off text)")
        String severity,
        @Schema(enumeration = { "EXISTENCE", "ACCURACY", "COMPLETENESS", "TEXT" }) String tag,
        @Schema(example = "variance.explanations-mismatch") String rule,
        @Schema(description = "section of the outline (一 … 六), empty for the whole report") String section,
        @Schema(description = "paragraph in the document (1-based), 0 when not about one paragraph") int paragraph,
        String excerpt, String message,
        @Schema(nullable = true, description = "what the checker expected, null when it has no one answer") String expected) {

    static FindingResponse of(Finding f) {
        return new FindingResponse(f.severity().name(), f.tag().name(), f.rule(), f.section(), f.paragraph(), f.excerpt(),
                f.message(), f.expected());
    }

    static List<FindingResponse> of(List<Finding> findings) {
        return findings.stream().map(FindingResponse::of).toList();
    }
}
