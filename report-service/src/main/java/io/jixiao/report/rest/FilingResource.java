package io.jixiao.report.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.FilingService;
import io.jixiao.report.service.FilingResponse;
import io.jixiao.report.service.ReportDocuments;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** 报送: submit, return, approve; history and frozen versions. */
@Path("/api/v1/filings/{departmentId}/{fiscalYear}")
@Tag(name = "报送与审核 Filing")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FilingResource {

    public record ReviewInput(String comment) {
    }

    private final FilingService service;
    private final Caller caller;
    private final io.jixiao.report.config.ReportConfig config;

    public FilingResource(FilingService service, Caller caller, io.jixiao.report.config.ReportConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Operation(summary = "Status (DRAFT, SUBMITTING, SUBMITTED, RETURNED, APPROVED), submitted versions and the history of steps")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FilingResponse.class),
            examples = @ExampleObject(name = "resubmitted after a return", value = Examples.FILING)))
    @APIResponse(responseCode = "403", description = "Another department", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another department", value = Examples.FORBIDDEN_DEPARTMENT)))
    public FilingResponse get(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return service.overview(caller, d, y);
    }

    @POST
    @Path("/submit")
    @Operation(summary = "Submit the year's filing (own department): the checker runs, fatal findings block; the year is "
            + "locked in every service", description = "From the answer on, no write to the department-year succeeds in "
            + "any service. The filing is SUBMITTING until budget-service and evaluation-service have confirmed their "
            + "locks; then the version is frozen at the revisions they confirmed and the filing is SUBMITTED. The call "
            + "waits a few seconds (jixiao.report.submit.confirm-wait) for that: 200 SUBMITTED when it happened, else 202 "
            + "SUBMITTING (poll GET until SUBMITTED).")
    @APIResponse(responseCode = "200", description = "locked everywhere and frozen", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FilingResponse.class),
            examples = @ExampleObject(name = "submitted", value = Examples.FILING_DRAFT_SUBMITTED)))
    @APIResponse(responseCode = "202", description = "accepted and locked here; the other services have not confirmed yet", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilingResponse.class),
            examples = @ExampleObject(name = "submitting", value = Examples.FILING_SUBMITTING)))
    @APIResponse(responseCode = "409", description = "already submitted (or submitting) or approved")
    @APIResponse(responseCode = "422", description = "fatal findings: listed in errors[] (field report.<section>.<paragraph>); nothing stored", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "a part not written yet", value = Examples.FILING_BLOCKED)))
    public Response submit(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        FilingResponse filing = service.submit(caller, d, y);
        long deadline = System.nanoTime() + config.submit().confirmWait().toNanos();
        // the confirmations usually arrive within a second or two: answer with the frozen version then (each
        // poll reads what the confirmations committed since)
        while ("SUBMITTING".equals(filing.status()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            filing = service.overview(caller, d, y);
        }
        return Response.status("SUBMITTING".equals(filing.status()) ? 202 : 200).entity(filing).build();
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a submitted filing with a comment (finance reviewer); the figures are unlocked")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "comment", value = Examples.RETURN_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FilingResponse.class),
            examples = @ExampleObject(name = "returned", value = Examples.FILING_RETURNED)))
    @APIResponse(responseCode = "400", description = "no comment", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no comment", value = Examples.COMMENT_REQUIRED)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer")
    @APIResponse(responseCode = "409", description = "not in status SUBMITTED", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "already returned", value = Examples.FILING_NOT_SUBMITTED)))
    public FilingResponse returnFiling(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            ReviewInput input) {
        return service.review(caller, d, y, false, input == null ? null : input.comment());
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a submitted filing (finance reviewer)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "comment", value = Examples.APPROVE_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FilingResponse.class),
            examples = @ExampleObject(name = "approved", value = Examples.FILING_APPROVED)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer")
    @APIResponse(responseCode = "409", description = "not in status SUBMITTED", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "returned, not submitted", value = Examples.FILING_NOT_SUBMITTED)))
    public FilingResponse approve(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            ReviewInput input) {
        return service.review(caller, d, y, true, input == null ? null : input.comment());
    }

    @GET
    @Path("/versions/{number}/preview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A submitted version's report exactly as it was submitted")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "version 1 (shortened)", value = Examples.PREVIEW)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no such version", value = Examples.VERSION_NOT_FOUND)))
    public String version(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @PathParam("number") int number) {
        return service.version(caller, d, y, number).reportHtml;
    }

    @GET
    @Path("/versions/{number}/report.docx")
    @Produces(ReportDocuments.DOCX)
    @Operation(summary = "A submitted version's Word document exactly as submitted (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", description = "the .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such version, or submitted before documents were frozen", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no such version", value = Examples.VERSION_NOT_FOUND)))
    public Response versionDocx(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @PathParam("number") int number) {
        return document(service.document(caller, d, y, number, "docx"), ReportDocuments.DOCX,
                "report-" + d + "-" + y + "-v" + number + ".docx");
    }

    @GET
    @Path("/versions/{number}/report.pdf")
    @Produces(ReportDocuments.PDF)
    @Operation(summary = "A submitted version's PDF exactly as submitted (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", description = "the .pdf file",
            content = @Content(mediaType = ReportDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such version, or submitted before documents were frozen", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no such version", value = Examples.VERSION_NOT_FOUND)))
    public Response versionPdf(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @PathParam("number") int number) {
        return document(service.document(caller, d, y, number, "pdf"), ReportDocuments.PDF,
                "report-" + d + "-" + y + "-v" + number + ".pdf");
    }

    private static Response document(FilingService.Document doc, String type, String name) {
        return Response.ok(doc.bytes(), type).tag(doc.sha256())
                .header("Content-Disposition", Requests.attachment(name)).build();
    }
}
