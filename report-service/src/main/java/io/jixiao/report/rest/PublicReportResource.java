package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.service.PublicationService;
import io.jixiao.report.service.ReportDocuments;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 信息公开, the public read-only API: the published reports, without login. Only PUBLISHED snapshots are
 * read (never drafts, returned filings or personal data); answers carry Cache-Control public with a
 * short max-age and the API-wide ETag (304 on If-None-Match); {@link PublicLimits} limits each address.
 */
@Path(PublicationService.PUBLIC_PATH)
@Tag(name = "信息公开 Public reports")
@PermitAll
public class PublicReportResource {

    private final PublicationService service;
    private final ReportConfig config;

    public PublicReportResource(PublicationService service, ReportConfig config) {
        this.service = service;
        this.config = config;
    }

    private Response cached(Object body, String type) {
        return Response.ok(body, type).header("Cache-Control", "public, max-age=" + config.publication().maxAgeSeconds())
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published self-evaluation reports (no login): year, department, score, grade, when "
            + "published and links; newest year first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one report", value = PublicationExamples.PUBLIC_LIST),
            schema = @Schema(type = SchemaType.ARRAY, implementation = PublicationService.PublicEntry.class)))
    @APIResponse(responseCode = "429", description = "too many requests from this address (Retry-After)", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "limited", value = PublicationExamples.RATE_LIMITED)))
    public Response list(@Parameter(description = "财政年度 (omitted: every year)", example = "2020") @QueryParam("year") Integer year) {
        List<PublicationService.PublicEntry> entries = service.publicList(year);
        return cached(entries, MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One published report as published: the report without personal data, its figures and score")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicReportResponse.class),
            examples = @ExampleObject(name = "published", value = PublicationExamples.PUBLIC_REPORT)))
    @APIResponse(responseCode = "404", description = "no such published report (never published, or unpublished)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unpublished",
                    value = PublicationExamples.NOT_FOUND)))
    public Response get(@PathParam("id") long id) {
        return cached(PublicReportResponse.of(service.publicReport(id)), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({ ReportDocuments.PDF, "application/problem+json" })
    @Operation(summary = "The PDF of a published report, rendered from its public content at publish time")
    @APIResponse(responseCode = "200", description = "the .pdf file",
            content = @Content(mediaType = ReportDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "no such published report (never published, or unpublished)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unpublished",
                    value = PublicationExamples.NOT_FOUND)))
    public Response pdf(@PathParam("id") long id) {
        return Response.fromResponse(cached(service.publicPdf(id), ReportDocuments.PDF))
                .header("Content-Disposition", "inline; filename=\"report-" + id + ".pdf\"").build();
    }
}
