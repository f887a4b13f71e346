package io.jixiao.report.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.ApiConventions;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.api.Documents;
import io.jixiao.platform.api.Requests;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.BureauDocx;
import io.jixiao.report.assembly.SummaryDocuments;
import io.jixiao.report.domain.DistrictSummary;
import io.jixiao.report.service.DistrictSummaryService;
import io.jixiao.report.service.ReportDocuments;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** 全区汇总: the bureau's view of every department's report of a year (finance-reviewer, finance-api, admin). */
@Path("/api/v1/reports/summary")
@Tag(name = "财政局 Bureau reads")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class DistrictSummaryResource {

    private final DistrictSummaryService service;
    private final Caller caller;

    public DistrictSummaryResource(DistrictSummaryService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every department of a year: filing status, score, grade, budget and actual totals, execution rates, main findings",
            description = "Ordered by unit code and cursor-paginated: follow nextCursor until it is null. Money in 元 (2 decimals), "
                    + "rates in percent; a null rate is 数据缺失 (no budget). mainFindings are the checker's first findings, fatal first.")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DistrictSummaryService.Page.class),
            examples = @ExampleObject(name = "page", value = "{\"fiscalYear\":2020,\"items\":[{\"departmentId\":\"d0000000-0000-4000-8000-000000000001\","
                    + "\"departmentCode\":\"401001\",\"departmentName\":\"中共长沙市望城区委政法委员会\",\"fiscalYear\":2020,\"status\":\"SUBMITTED\","
                    + "\"filingVersion\":1,\"score\":\"72.50\",\"grade\":\"中\",\"budget\":\"17918800.00\",\"actual\":\"19305400.00\","
                    + "\"executionRate\":\"107.74\",\"basicExecutionRate\":\"109.60\",\"projectExecutionRate\":\"106.71\",\"fatal\":0,"
                    + "\"warnings\":1,\"mainFindings\":[\"年末实有在职在编 22 人，超过编制数 20 人。\"],\"sheetRevision\":9}],\"nextCursor\":null}")))
    @APIResponse(responseCode = "400", description = "no fiscalYear, limit outside 1..200, an unknown status, a malformed updatedSince, or a cursor not from this API")
    @APIResponse(responseCode = "403", description = "department users (the summary covers other departments)")
    public Response summary(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri,
            @Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "Filing status: DRAFT (never submitted), SUBMITTING (locks not yet confirmed by every service), SUBMITTED, RETURNED or APPROVED", example = "SUBMITTED")
            @QueryParam("status") String status,
            @Parameter(description = "Only departments whose figures, score or filing changed at or after this time (ISO 8601 or a date)",
                    example = "2026-11-01T00:00:00+08:00") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "1..200") @QueryParam("limit") @DefaultValue("50") int limit) {
        DocumentCache.Entry page = service.pageDocument(caller, Requests.requireYear(fiscalYear), status, updatedSince, cursor, limit);
        Response answer = Documents.respond(headers, page);
        return page.nextCursor() == null ? answer
                : Response.fromResponse(answer).header("Link", ApiConventions.nextLink(uri, page.nextCursor())).build();
    }

    @GET
    @Path("/export.xlsx")
    @Blocking
    @Produces(ReportDocuments.XLSX)
    @Operation(summary = "The whole summary of a year as a spreadsheet (streamed; figures are numbers)")
    @APIResponse(responseCode = "200", description = "the .xlsx file",
            content = @Content(mediaType = ReportDocuments.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "department users", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = Examples.SUMMARY_FORBIDDEN)))
    public Response xlsx(@Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear) {
        int year = Requests.requireYear(fiscalYear);
        DistrictSummaryService.requireBureau(caller);
        StreamingOutput body = out -> SummaryDocuments.xlsx(year, each -> service.forEach(year, each), out);
        return Response.ok(body, ReportDocuments.XLSX)
                .header("Content-Disposition", Requests.attachment("summary-" + year + ".xlsx")).build();
    }

    @GET
    @Path("/summary.docx")
    @Blocking
    @Produces(ReportDocuments.DOCX)
    @Operation(summary = "The summary of a year as a Word document (总体情况, one row per department, main findings)")
    @APIResponse(responseCode = "200", description = "the .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "department users", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = Examples.SUMMARY_FORBIDDEN)))
    public Response docx(@Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear) {
        int year = Requests.requireYear(fiscalYear);
        DistrictSummaryService.requireBureau(caller);
        List<DistrictSummary.Row> rows = new ArrayList<>();
        DistrictSummary.Tally tally = new DistrictSummary.Tally();
        service.forEach(year, r -> {
            rows.add(r);
            tally.add(r);
        });
        byte[] bytes = BureauDocx.renderSummary(year, tally.totals(), rows, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return ReportResource.file(bytes, ReportDocuments.DOCX, "summary-" + year + ".docx");
    }
}
