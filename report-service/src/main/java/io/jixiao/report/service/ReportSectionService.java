package io.jixiao.report.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.jixiao.report.domain.BasicExpenditureView;
import io.jixiao.report.domain.IndicatorView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.jixiao.report.assembly.BasicExpenditureSection;

/**
 * 二、(一) 基本支出 of the report, generated from the read model: the budget figures and the completion rate
 * the evaluation computed. The rate counts only when it was computed from the same budget version; until
 * then the section is pending and leaves the rate out.
 */
@ApplicationScoped
public class ReportSectionService {

    static final String RATE_CODE = "basic-completion-rate";

    @Schema(name = "ReportSection")
    public record SectionResponse(String departmentId, int fiscalYear,
            @Schema(description = "budget version the whole section reflects; lower than the budget's while the rate is being computed")
            long sourceVersion,
            @Schema(description = "true while the figures and the rate are of different versions") boolean pending,
            @Schema(example = "（一）基本支出情况") String heading, List<String> paragraphs, Figures figures) {
    }

    @Schema(name = "ReportSectionFigures", description = "The figures of the section, in 万元 (2 decimals) and %")
    public record Figures(@Schema(example = "637.88") String budgetWan, @Schema(example = "699.13") String actualWan,
            @Schema(example = "61.25") String varianceWan, @Schema(example = "109.60", nullable = true) String rate) {
    }

    @Transactional
    public SectionResponse basicExpenditure(Caller caller, String departmentId, int fiscalYear) {
        caller.checkRead(departmentId);
        BasicExpenditureView budget = BasicExpenditureView.findById(new BasicExpenditureView.Key(departmentId, fiscalYear));
        if (budget == null) {
            throw ProblemException.notFound("report.section.not-found", String.valueOf(fiscalYear));
        }
        IndicatorView rate = IndicatorView.findById(new IndicatorView.Key(departmentId, fiscalYear, RATE_CODE));
        boolean current = rate != null && rate.sourceVersion == budget.budgetVersion;
        BasicExpenditureSection.Rendered r = BasicExpenditureSection.render(new BasicExpenditureSection.Figures(
                budget.basicBudget, budget.basicActual, budget.basicVariance, current ? rate.value : null,
                current && rate.missing));
        long version = current ? budget.budgetVersion : (rate == null ? -1 : Math.min(rate.sourceVersion, budget.budgetVersion));
        return new SectionResponse(departmentId, fiscalYear, version, !current, r.heading(), r.paragraphs(),
                new Figures(r.budgetWan(), r.actualWan(), r.varianceWan(), r.rate()));
    }
}
