package io.jixiao.evaluation.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.service.TemplateService;

/** Which template (and version) a jurisdiction scores a year with, mirrored from the service for the contract. */
@Schema(description = "The template a jurisdiction scores a fiscal year with (none assigned: the default)")
public record TemplateAssignmentResponse(@Schema(example = "望城区") String jurisdiction, @Schema(example = "2020") int fiscalYear,
        @Schema(example = "2") long templateId, String templateName,
        @Schema(description = "the template's version pinned by the assignment", example = "3") int templateVersion,
        @Schema(description = "the assignment's own version (optimistic locking of re-assignments)", example = "0") long version,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        @Schema(nullable = true, example = "reviewer") String updatedBy) {

    static TemplateAssignmentResponse of(TemplateService.AssignmentResponse a) {
        return new TemplateAssignmentResponse(a.jurisdiction(), a.fiscalYear(), a.templateId(), a.templateName(),
                a.templateVersion(), a.version(), a.updatedAt(), a.updatedBy());
    }
}
