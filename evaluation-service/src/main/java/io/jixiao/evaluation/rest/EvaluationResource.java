package io.jixiao.evaluation.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.evaluation.domain.IndicatorValue;
import io.jixiao.evaluation.service.IndicatorResult;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/evaluations/{departmentId}/{fiscalYear}")
@Tag(name = "绩效评价 Evaluation")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final Caller caller;
    private final ObjectMapper mapper;

    public EvaluationResource(Caller caller, ObjectMapper mapper) {
        this.caller = caller;
        this.mapper = mapper;
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(String departmentId, int fiscalYear,
            @Schema(description = "budget-service version the values were computed from") long sourceVersion,
            List<IndicatorView> indicators) {
    }

    @Schema(name = "Indicator", description = "A computed indicator and how it came about")
    public record IndicatorView(@Schema(example = "budget-completion-rate") String code,
            @Schema(example = "预算完成率") String name, @Schema(example = "Budget completion rate") String nameEn,
            @Schema(example = "109.60", nullable = true) String value, @Schema(example = "%") String unit,
            String formula, List<IndicatorResult.Input> inputs,
            @Schema(description = "true: 数据缺失 (an input is absent), value is null") boolean missing,
            long sourceVersion) {
    }

    @GET
    @Transactional
    @Operation(summary = "Computed indicators of a department-year, each with formula and inputs")
    @APIResponse(responseCode = "404", description = "No budget figures received for this year yet")
    public EvaluationView get(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear) {
        caller.checkRead(departmentId);
        List<IndicatorValue> values = IndicatorValue.of(departmentId, fiscalYear);
        if (values.isEmpty()) {
            throw ProblemException.notFound("evaluation.not-found", String.valueOf(fiscalYear));
        }
        List<IndicatorView> indicators = values.stream().map(this::view).toList();
        long version = values.stream().mapToLong(v -> v.sourceVersion).min().orElse(0);
        return new EvaluationView(departmentId, fiscalYear, version, indicators);
    }

    private IndicatorView view(IndicatorValue v) {
        try {
            IndicatorResult r = mapper.readValue(v.explanation, IndicatorResult.class);
            return new IndicatorView(v.code, r.name(), r.nameEn(), v.value == null ? null : v.value.toPlainString(),
                    v.unit, r.formula(), r.inputs(), v.missing, v.sourceVersion);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable explanation of indicator " + v.id, e);
        }
    }
}
