package io.jixiao.evaluation.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.evaluation.service.ProjectService;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** 项目支出绩效自评: per project of a department-year, scored and explained; the department enters the indicators. */
@Path("/api/v1/evaluations/{departmentId}/{fiscalYear}/projects")
@Tag(name = "项目支出绩效自评 Project self-evaluation")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final String PROJECT_EXAMPLE = """
            {"projectId":5,"name":"综治维稳工作经费","keyProject":true,"budget":2980000.00,"adjustedBudget":2980000.00,"actual":2978900.00,
             "parts":[{"code":"budget-execution","name":"预算执行率","points":10,"value":99.96,"score":10.00,"status":"SCORED",
                       "formula":"全年执行数 / 全年预算数（年初预算 ± 调整）× 100%；得分 = 分值 × min(执行率, 100%)",
                       "explanation":"得分 = 10 × min(99.96%, 100%) = 10.00",
                       "inputs":[{"name":"全年执行数（元）","value":"2978900.00","source":"budget.events BudgetFiguresChanged v1 r9"},
                                 {"name":"全年预算数（元）","value":"2980000.00","source":"budget.events BudgetFiguresChanged v1 r9"}],"indicators":[]},
                      {"code":"output","name":"产出指标","points":50,"value":95.00,"score":47.50,"status":"SCORED",
                       "explanation":"得分 = 50 × (100.00% + 90.00%) / 2 = 47.50","inputs":[],
                       "indicators":[{"category":"QUANTITY","name":"排查调处矛盾纠纷","kind":"QUANTITATIVE","weight":25.00,"attainment":100.00,"score":25.00,"status":"SCORED","explanation":"指标值 ≥12件，实际 12件，已达到，得满分"},
                                     {"category":"QUALITY","name":"调解成功率","kind":"QUANTITATIVE","weight":25.00,"attainment":90.00,"score":22.50,"status":"SCORED","explanation":"指标值 ≥100%，实际 90%，完成 90.00%，按比例得分"}]},
                      {"code":"benefit","name":"效益指标","points":30,"value":85.00,"score":25.50,"status":"SCORED","indicators":[]},
                      {"code":"satisfaction","name":"满意度指标","points":10,"value":null,"score":0.00,"status":"MISSING","explanation":"数据缺失：尚未设置满意度指标，按 0 分计","indicators":[]}],
             "total":83.00,"grade":"良","missing":["满意度指标"],"inputVersion":0,"indicators":[]}""";

    private final ProjectService service;
    private final Caller caller;

    public ProjectResource(ProjectService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every project's self-evaluation: 预算执行率, 产出, 效益, 满意度 with points, score, formula, inputs and why",
            description = "Weights come from the template version that scores the department-year (default 10/50/30/10). "
                    + "A part without indicators, or an indicator without its actual value, scores 0 as 数据缺失 and is listed in missing.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectService.ProjectsResponse.class), examples = @ExampleObject(name = "2020", summary = "1 of the 6 projects shown", value = Examples.PROJECTS)))
    @APIResponse(responseCode = "404", description = "No budget figures received for this year yet")
    @APIResponse(responseCode = "403", description = "Another department")
    public ProjectService.ProjectsResponse list(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @Context HttpHeaders headers) {
        return service.get(caller, departmentId, fiscalYear, Messages.of(headers));
    }

    @GET
    @Path("/{projectId}")
    @Operation(summary = "One project's self-evaluation with explanations and the indicators entered")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectService.ProjectEvaluation.class), examples = @ExampleObject(name = "综治维稳工作经费", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such project in the sheet")
    public ProjectService.ProjectEvaluation get(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @PathParam("projectId") long projectId, @Context HttpHeaders headers) {
        return service.project(caller, departmentId, fiscalYear, projectId, Messages.of(headers));
    }

    @PUT
    @Path("/{projectId}/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a project's performance indicators (own department; send the inputVersion read, null the first time)",
            description = "category: QUANTITY, QUALITY, TIMELINESS, COST (产出), BENEFIT (效益), SATISFACTION (满意度). "
                    + "kind QUANTITATIVE: unit, direction GE (≥) / LE (≤) / EQ (=), target, actual (null until known). "
                    + "kind QUALITATIVE: tier GOOD (80–100) / FAIR (60–80) / POOR (0–60), selfScorePercent within the tier, evidence. "
                    + "Refused with 409 filing.locked while the filing is submitted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two output, one benefit",
            value = """
                    {"version":null,"indicators":[
                      {"category":"QUANTITY","name":"排查调处矛盾纠纷","kind":"QUANTITATIVE","unit":"件","direction":"GE","target":12,"actual":12},
                      {"category":"QUALITY","name":"调解成功率","kind":"QUANTITATIVE","unit":"%","direction":"GE","target":100,"actual":90},
                      {"category":"BENEFIT","name":"社会治安持续向好","kind":"QUALITATIVE","tier":"GOOD","selfScorePercent":85,"evidence":"刑事案件同比下降"}]}""")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectService.ProjectEvaluation.class), examples = @ExampleObject(name = "rescored", value = PROJECT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid indicators, each with its field path (e.g. indicators[2].selfScorePercent)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "two fields wrong",
                    value = Examples.PROJECT_INDICATORS_INVALID)))
    @APIResponse(responseCode = "409", description = "Stale version, or the filing is submitted (filing.locked)")
    public ProjectService.ProjectEvaluation save(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @PathParam("projectId") long projectId,
            ProjectService.IndicatorsInput input, @Context HttpHeaders headers) {
        return service.save(caller, departmentId, fiscalYear, projectId, input, Messages.of(headers));
    }
}
