package io.jixiao.evaluation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.evaluation.scoring.Template;
import io.jixiao.evaluation.service.TemplateService;

/** A template with its whole tree (one version), as read, copied and edited. */
@Schema(description = "A template (指标体系) and the tree of the version read")
public record TemplateDetailResponse(TemplateSummaryResponse template, Template body) {

    static TemplateDetailResponse of(TemplateService.Detail d) {
        return new TemplateDetailResponse(TemplateSummaryResponse.of(d.template()), d.body());
    }
}
