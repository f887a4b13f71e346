package io.jixiao.report.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.BatchService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** 批量生成: every department's report of a year as a background job, with progress and a ZIP. */
@Path("/api/v1/reports/batches")
@Tag(name = "财政局 Bureau reads")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class BatchResource {

    static final String PROGRESS_EXAMPLE = "{\"id\":\"0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10\",\"fiscalYear\":2020,\"status\":\"RUNNING\","
            + "\"total\":7,\"done\":3,\"failed\":0,\"percent\":42.85,\"failures\":[],\"requestedBy\":\"reviewer\","
            + "\"createdAt\":\"2026-11-26T02:00:00Z\",\"finishedAt\":null}";

    private final BatchService service;
    private final Caller caller;

    public BatchResource(BatchService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start generating every department's report (DOCX and PDF) of a year in the background",
            description = "Finance reviewers and administrators. Poll the Location for progress; each generated report "
                    + "publishes ReportGenerated on report.events.")
    @APIResponse(responseCode = "202", description = "started", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BatchResponse.class), examples = @ExampleObject(name = "started", value = PROGRESS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer or administrator")
    @APIResponse(responseCode = "404", description = "no department has figures for the year")
    @APIResponse(responseCode = "409", description = "a batch of the same year is still running", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "already running", value = Examples.BATCH_RUNNING)))
    public Response start(@Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear) {
        BatchService.Progress p = service.start(caller, Requests.requireYear(fiscalYear));
        return Response.accepted(BatchResponse.of(p)).location(URI.create("/api/v1/reports/batches/" + p.id())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The most recent batches, newest first (finished ones are kept until purged)",
            description = "Finance reviewers and administrators. Optional fiscalYear; at most limit (1..500, default 20).")
    @APIResponse(responseCode = "200", description = "batches", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = BatchResponse.class), examples = @ExampleObject(name = "one running", value = "[" + PROGRESS_EXAMPLE + "]")))
    @APIResponse(responseCode = "403", description = "not a finance reviewer or administrator")
    public List<BatchResponse> recent(
            @Parameter(description = "财政年度", example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "1..500") @QueryParam("limit") @jakarta.ws.rs.DefaultValue("20") int limit) {
        return service.recent(caller, fiscalYear, Requests.limit(limit, 500)).stream().map(BatchResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Progress of a batch: total, done, failed, percent, and each failure with its reason")
    @APIResponse(responseCode = "200", description = "progress", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BatchResponse.class), examples = @ExampleObject(name = "running", value = PROGRESS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "no such job (or deleted after jixiao.report.batch.keep)")
    public BatchResponse progress(@PathParam("id") UUID id) {
        return BatchResponse.of(service.progress(caller, id));
    }

    @GET
    @Path("/{id}/reports.zip")
    @Blocking
    @Produces("application/zip")
    @Operation(summary = "Every generated report of a finished batch as a ZIP (a folder per department with its DOCX and PDF), streamed")
    @APIResponse(responseCode = "200", description = "the .zip file",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "the batch is still running", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "still running", value = Examples.BATCH_NOT_FINISHED)))
    public Response zip(@PathParam("id") UUID id) {
        BatchService.Progress p = service.downloadable(caller, id);
        StreamingOutput body = out -> service.zip(id, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", Requests.attachment("reports-" + p.fiscalYear() + "-" + id + ".zip"))
                .build();
    }
}
