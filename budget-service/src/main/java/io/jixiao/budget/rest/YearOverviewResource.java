package io.jixiao.budget.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.api.Requests;
import io.jixiao.budget.service.SpendingLineExport;
import io.jixiao.budget.service.YearOverviewService;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
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

/** The finance bureau's view across departments (department users see only their own row). */
@Path("/api/v1/budgets")
@Tag(name = "财政局 Bureau reads")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class YearOverviewResource {

    private final YearOverviewService service;
    private final Caller caller;
    private final SpendingLineExport spendingLines;

    public YearOverviewResource(YearOverviewService service, Caller caller, SpendingLineExport spendingLines) {
        this.service = service;
        this.caller = caller;
        this.spendingLines = spendingLines;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every department's totals for a year, by department code, cursor-paginated",
            description = "Follow nextCursor (or the Link rel=next header) until it is null. Pages are stable under inserts: "
                    + "the order is a keyset on the sort key and then the department code.")
    public YearOverviewService.Page overview(
            @Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "所属区县") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "true: submitted filings only (figures locked)") @QueryParam("locked") Boolean locked,
            @Parameter(description = "Only department-years whose figures changed at or after this time (ISO 8601 or a date)",
                    example = "2026-11-01T00:00:00+08:00") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "code (default), name or updatedAt; prefix - for descending", example = "-updatedAt")
            @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page (made for the same sort)") @QueryParam("cursor") String cursor,
            @Parameter(description = "1..500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return service.overview(caller, Requests.requireYear(fiscalYear), jurisdiction, locked, updatedSince, sort, cursor, limit);
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every budget line of a year (基本支出 and each project), streamed",
            description = "format=ndjson (one JSON object per line) or csv (UTF-8 with BOM, opens in Excel).")
    @APIResponse(responseCode = "200", description = "The lines, streamed", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING,
                    description = "one BudgetExportLine (components.schemas) per line")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    public Response export(@QueryParam("fiscalYear") Integer fiscalYear,
            @QueryParam("format") @DefaultValue("ndjson") String format) {
        int year = Requests.requireYear(fiscalYear);
        boolean csv = csv(format);
        StreamingOutput body = out -> service.exportLines(caller, year, csv, out);
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", Requests.attachment("budget-lines-" + year + (csv ? ".csv" : ".ndjson")))
                .build();
    }

    @GET
    @Path("/spending-lines")
    @Blocking
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every 支出明细 of a year, across departments, streamed (uncapped)",
            description = "The bureau gets every department's lines (or one with departmentId); a department its own. "
                    + "format=ndjson (one JSON object per line; amounts as decimal strings in 元) or csv (UTF-8 with BOM). "
                    + "updatedSince: only department-years whose figures changed at or after that time. Lines come grouped "
                    + "by department, in file order; PostgreSQL streams them (COPY), so any size is one request.")
    @APIResponse(responseCode = "200", description = "The lines, streamed", content = {
            @Content(mediaType = "application/x-ndjson", example = SPENDING_NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "one object per line: a SpendingLine (components.schemas) with its department (departmentId, "
                            + "departmentCode, departmentName), fiscalYear and line (BASIC or PROJECT)")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = "单位编码,单位名称,年度,序号,支付日期,支出类型,项目名称,经济分类,支付方式,金额(元),摘要\n"
                    + "001,区发展和改革局,2020,1,2020-02-03,基本支出,,办公费,单位自有,1280.00,打印纸\n") })
    @APIResponse(responseCode = "400", description = "fiscalYear missing, format unknown or updatedSince unreadable")
    @APIResponse(responseCode = "403", description = "Another department's lines")
    public Response exportSpendingLines(
            @Parameter(description = "财政年度", example = "2020", required = true) @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "ndjson (default) or csv") @QueryParam("format") @DefaultValue("ndjson") String format,
            @Parameter(description = "Only this department (bureau roles)") @QueryParam("departmentId") String departmentId,
            @Parameter(description = "Only department-years whose figures changed at or after this time (ISO 8601 or a date)",
                    example = "2026-11-01T00:00:00+08:00") @QueryParam("updatedSince") String updatedSince) {
        int year = Requests.requireYear(fiscalYear);
        boolean csv = csv(format);
        java.time.OffsetDateTime since = io.jixiao.platform.api.ChangeFeed.parseSinceParam("updatedSince", updatedSince);
        StreamingOutput body = out -> spendingLines.export(caller, year, departmentId, since, csv, out);
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", Requests.attachment("spending-lines-" + year + (csv ? ".csv" : ".ndjson")))
                .build();
    }

    static final String SPENDING_NDJSON = "{\"departmentId\":\"d0000000-0000-4000-8000-000000000001\",\"departmentCode\":\"001\","
            + "\"departmentName\":\"区发展和改革局\",\"fiscalYear\":2020,\"lineNo\":1,\"paidOn\":\"2020-02-03\",\"line\":\"BASIC\","
            + "\"projectId\":null,\"project\":null,\"economicClass\":\"办公费\",\"channel\":\"OWN\",\"amount\":\"1280.00\","
            + "\"description\":\"打印纸\"}\n";

    private static boolean csv(String format) {
        return switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new ProblemException(400, "request.invalid", java.util.List.of(new FieldError("format", "export.format")));
        };
    }
}
