package io.jixiao.evaluation.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.service.TemplateService;

/** A stored (immutable) version of a template: who made it and when. */
@Schema(description = "A stored version of a template (scores name the version they used)")
public record TemplateVersionResponse(@Schema(example = "2") int version, OffsetDateTime createdAt,
        @Schema(example = "reviewer") String createdBy) {

    static TemplateVersionResponse of(TemplateService.VersionInfo v) {
        return new TemplateVersionResponse(v.version(), v.createdAt(), v.createdBy());
    }
}
