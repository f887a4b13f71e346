package io.jixiao.report.rest;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.BureauDocx;
import io.jixiao.report.assembly.XlsxScoreTable;
import io.jixiao.report.service.ReReviewService;
import io.jixiao.report.service.SampleService;
import io.jixiao.report.service.SeasonRules;
import io.jixiao.report.service.ReportDocuments;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.jixiao.report.domain.SampleResults;

/** 抽查复核: the draw of a round's sample, the re-review of each sampled department, and the report. */
@Path("/api/v1/rounds/{id}/sample")
@Tag(name = "抽查复核 Sampled re-review")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class SampleResource {

    private final SampleService service;
    private final ReReviewService reviews;
    private final Caller caller;

    public SampleResource(SampleService service, ReReviewService reviews, Caller caller) {
        this.service = service;
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw the round's sample (finance reviewer, once): percentage and minimum over the submitted and "
            + "approved filings, stratified by grade and budget tercile, reproducible from the seed (given or recorded); "
            + "key departments added by hand")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "20 %, at least 3", value = SampleExamples.DRAW_INPUT)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "drawn", value = SampleExamples.SAMPLE),
            schema = @Schema(implementation = SampleResults.SampleResponse.class)))
    @APIResponse(responseCode = "400", description = "percentage or minimum missing or out of range, a key department "
            + "without a submitted filing (errors[].field)")
    @APIResponse(responseCode = "403", description = "not a finance reviewer")
    @APIResponse(responseCode = "404", description = "no such round")
    @APIResponse(responseCode = "409", description = "the round's sample is already drawn (sample.exists), or no filing is submitted",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "second draw",
                    value = SampleExamples.SAMPLE_EXISTS)))
    public Response draw(@PathParam("id") long id, SampleService.DrawInput input) {
        SampleResults.SampleResponse view = service.draw(caller, id, input);
        return Response.created(URI.create("/api/v1/rounds/" + id + "/sample")).entity(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The round's sample (the bureau's): parameters and seed, each sampled department's stratum, self "
            + "score, re-review score, deviation and 自评偏差较大 flag, and self versus re-review over the reviewed ones")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "drawn", value = SampleExamples.SAMPLE),
            schema = @Schema(implementation = SampleResults.SampleResponse.class)))
    @APIResponse(responseCode = "403", description = "department users (the sample covers other departments)")
    @APIResponse(responseCode = "404", description = "no such round, or no sample drawn yet")
    public SampleResults.SampleResponse get(@PathParam("id") long id) {
        return service.get(caller, id);
    }

    @GET
    @Path("/reviews/{departmentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One sampled department's re-review (bureau: also the form with the self scores before it is "
            + "re-reviewed; a department: its own, once re-reviewed)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "re-reviewed", value = SampleExamples.REVIEW),
            schema = @Schema(implementation = SampleResults.ReviewResponse.class)))
    @APIResponse(responseCode = "404", description = "not sampled, not re-reviewed yet (department), or another department's")
    public SampleResults.ReviewResponse review(@PathParam("id") long id, @PathParam("departmentId") String departmentId) {
        return reviews.review(caller, id, departmentId);
    }

    @PUT
    @Path("/reviews/{departmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the re-review (finance reviewer; audited): a score and comment per indicator of the "
            + "department's score card, the findings, and the version read (null the first time)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "three indicators", value = SampleExamples.REVIEW_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "re-reviewed", value = SampleExamples.REVIEW),
            schema = @Schema(implementation = SampleResults.ReviewResponse.class)))
    @APIResponse(responseCode = "400", description = "an indicator unknown, twice or missing, a score missing (errors[].field)")
    @APIResponse(responseCode = "403", description = "not a finance reviewer")
    @APIResponse(responseCode = "404", description = "the department is not in the round's sample")
    @APIResponse(responseCode = "409", description = "version is not the re-review's current one")
    @APIResponse(responseCode = "422", description = "a score outside 0..the indicator's points (errors[].field items[i].score)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "above the points",
                    value = SampleExamples.REVIEW_OUT_OF_RANGE)))
    public SampleResults.ReviewResponse saveReview(@PathParam("id") long id, @PathParam("departmentId") String departmentId,
            ReReviewService.ReviewInput input) {
        return reviews.saveReview(caller, id, departmentId, input);
    }

    @GET
    @Path("/report.xlsx")
    @Produces(ReportDocuments.XLSX)
    @APIResponse(responseCode = "200", description = "the spreadsheet",
            content = @Content(mediaType = ReportDocuments.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "抽查复核情况报告 as a spreadsheet (the bureau's): the draw, each sampled department, every re-reviewed indicator")
    @APIResponse(responseCode = "403", description = "department users")
    public Response xlsx(@PathParam("id") long id) {
        return report(id, ReportDocuments.XLSX, "xlsx", d -> XlsxScoreTable.renderSample(d.district(), d.sample(), d.reviews()));
    }

    @GET
    @Path("/report.docx")
    @Produces(ReportDocuments.DOCX)
    @APIResponse(responseCode = "200", description = "the Word document",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "抽查复核情况报告 as a Word document (the bureau's): 抽查情况, 各单位复核结果, 复核发现的问题")
    @APIResponse(responseCode = "403", description = "department users")
    public Response docx(@PathParam("id") long id) {
        return report(id, ReportDocuments.DOCX, "docx",
                d -> BureauDocx.renderSampleReport(d.district(), d.sample(), d.reviews(), SeasonRules.today()));
    }

    private Response report(long id, String type, String extension,
            java.util.function.Function<ReReviewService.Documents, byte[]> render) {
        ReReviewService.Documents d = reviews.documents(caller, id);
        return ReportResource.file(render.apply(d), type, "sample-review-" + d.sample().fiscalYear() + "." + extension);
    }
}
