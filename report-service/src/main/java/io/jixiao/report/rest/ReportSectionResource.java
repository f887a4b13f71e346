package io.jixiao.report.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.domain.BudgetView;
import io.jixiao.report.domain.IndicatorView;
import io.jixiao.report.service.BasicExpenditureSection;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/reports/{departmentId}/{fiscalYear}/sections")
@Tag(name = "自评报告 Report")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReportSectionResource {

    static final String RATE_CODE = "basic-completion-rate";

    private final Caller caller;

    public ReportSectionResource(Caller caller) {
        this.caller = caller;
    }

    @Schema(name = "ReportSection")
    public record SectionView(String departmentId, int fiscalYear,
            @Schema(description = "budget version the whole section reflects; lower than the budget's while the rate is being computed")
            long sourceVersion,
            @Schema(description = "true while the figures and the rate are of different versions") boolean pending,
            @Schema(example = "（一）基本支出情况") String heading, List<String> paragraphs, Figures figures) {
    }

    @Schema(name = "ReportSectionFigures", description = "The figures of the section, in 万元 (2 decimals) and %")
    public record Figures(@Schema(example = "637.88") String budgetWan, @Schema(example = "699.13") String actualWan,
            @Schema(example = "61.25") String varianceWan, @Schema(example = "109.60", nullable = true) String rate) {
    }

    @GET
    @Path("/basic-expenditure")
    @Transactional
    @Operation(summary = "二、(一) 基本支出: the paragraph of the report, generated from the data")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "2020", value = Examples.SECTION)))
    @APIResponse(responseCode = "404", description = "No budget figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no figures", value = Examples.SECTION_NOT_FOUND)))
    public SectionView basicExpenditure(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear) {
        caller.checkRead(departmentId);
        BudgetView budget = BudgetView.findById(new BudgetView.Key(departmentId, fiscalYear));
        if (budget == null) {
            throw ProblemException.notFound("report.section.not-found", String.valueOf(fiscalYear));
        }
        IndicatorView rate = IndicatorView.findById(new IndicatorView.Key(departmentId, fiscalYear, RATE_CODE));
        boolean current = rate != null && rate.sourceVersion == budget.budgetVersion;
        BasicExpenditureSection.Rendered r = BasicExpenditureSection.render(new BasicExpenditureSection.Figures(
                budget.basicBudget, budget.basicActual, budget.basicVariance, current ? rate.value : null,
                current && rate.missing));
        long version = current ? budget.budgetVersion : (rate == null ? -1 : Math.min(rate.sourceVersion, budget.budgetVersion));
        return new SectionView(departmentId, fiscalYear, version, !current, r.heading(), r.paragraphs(),
                new Figures(r.budgetWan(), r.actualWan(), r.varianceWan(), r.rate()));
    }
}
