package io.jixiao.budget.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    public YearOverviewResource(YearOverviewService service, Caller caller) {
        this.service = service;
        this.caller = caller;
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
        return service.overview(caller, requireYear(fiscalYear), jurisdiction, locked, updatedSince, sort, cursor, limit);
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every budget line of a year (基本支出 and each project), streamed",
            description = "format=ndjson (one JSON object per line) or csv (UTF-8 with BOM, opens in Excel).")
    public Response export(@QueryParam("fiscalYear") Integer fiscalYear,
            @QueryParam("format") @DefaultValue("ndjson") String format) {
        int year = requireYear(fiscalYear);
        boolean csv = switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new ProblemException(400, "request.invalid", java.util.List.of(new FieldError("format", "export.format")));
        };
        StreamingOutput body = out -> service.exportLines(caller, year, csv, out);
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"budget-lines-" + year + (csv ? ".csv" : ".ndjson") + "\"")
                .build();
    }

    private static int requireYear(Integer fiscalYear) {
        if (fiscalYear == null) {
            throw new ProblemException(400, "request.invalid", java.util.List.of(new FieldError("fiscalYear", "fiscal-year.required")));
        }
        return fiscalYear;
    }
}
