package io.jixiao.evaluation.rest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.service.TemplateService;

/** A template without its tree, as the list shows it: the default, or a copy with its scope and origin. */
@Schema(description = "A template (指标体系) without its tree: the default, or a copy for a jurisdiction and year")
public record TemplateSummaryResponse(@Schema(example = "2") long id, String name, @Schema(example = "copy-1f3a9c2e") String code,
        @Schema(nullable = true, description = "null for the default", example = "望城区") String jurisdiction,
        @Schema(nullable = true, description = "null for the default", example = "2020") Integer fiscalYear,
        boolean defaultTemplate,
        @Schema(description = "the latest version", example = "3") int version,
        @Schema(nullable = true, description = "the template it was copied from (null for the default)", example = "1") Long copiedFromId,
        @Schema(nullable = true, example = "1") Integer copiedFromVersion,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        @Schema(nullable = true, example = "reviewer") String updatedBy,
        List<TemplateAssignmentResponse> assignments) {

    static TemplateSummaryResponse of(TemplateService.Summary s) {
        return new TemplateSummaryResponse(s.id(), s.name(), s.code(), s.jurisdiction(), s.fiscalYear(), s.defaultTemplate(),
                s.version(), s.copiedFromId(), s.copiedFromVersion(), s.updatedAt(), s.updatedBy(),
                s.assignments().stream().map(TemplateAssignmentResponse::of).toList());
    }
}
