package io.jixiao.report.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.jixiao.report.assembly.XlsxScoreTable;
import io.jixiao.report.service.OutcomeExport;
import io.jixiao.report.service.ReportDocuments;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import io.jixiao.report.domain.RoundOutcome;

/** 结果应用: the round's list for next year's budget (grade, re-review outcome, projects scored 中 or 差). */
@Path("/api/v1/rounds/{id}/outcome.xlsx")
@Tag(name = "抽查复核 Sampled re-review")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class OutcomeResource {

    private final OutcomeExport export;
    private final Caller caller;

    public OutcomeResource(OutcomeExport export, Caller caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    @Produces(ReportDocuments.XLSX)
    @Operation(summary = "结果应用 of a round as a spreadsheet (finance reviewer): every department with its grade and "
            + "re-review outcome, and its projects scored 中 or 差 with their budgets (万元, 2 decimals)")
    @APIResponse(responseCode = "200", description = "the spreadsheet",
            content = @Content(mediaType = ReportDocuments.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = SampleExamples.OUTCOME_REVIEWER_ONLY)))
    @APIResponse(responseCode = "404", description = "no such round")
    public Response xlsx(@PathParam("id") long id) {
        RoundOutcome.Outcome o = export.rows(caller, id);
        return ReportResource.file(XlsxScoreTable.renderOutcome(o), ReportDocuments.XLSX, "outcome-" + o.fiscalYear() + ".xlsx");
    }
}
