package io.jixiao.evaluation.rest;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.audit.AuditEntryResponse;
import io.jixiao.evaluation.service.IndicatorCatalogue;
import io.jixiao.evaluation.service.TemplateService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 指标体系 templates: everyone reads them (a department sees what it is scored with); the finance bureau
 * (finance-reviewer) copies, edits and assigns them.
 */
@Path("/api/v1/templates")
@Tag(name = "指标模板 Templates")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    static final String SUMMARY_EXAMPLE = """
            {"id":2,"name":"望城区 2020 年部门整体支出绩效评价指标体系","code":"copy-1f3a9c2e","jurisdiction":"望城区","fiscalYear":2020,
             "defaultTemplate":false,"version":3,"copiedFromId":1,"copiedFromVersion":1,"updatedAt":"2021-01-05T02:30:00Z","updatedBy":"reviewer",
             "assignments":[{"jurisdiction":"望城区","fiscalYear":2020,"templateId":2,"templateName":"望城区 2020 年部门整体支出绩效评价指标体系",
                             "templateVersion":3,"version":0,"updatedAt":"2021-01-05T02:31:00Z","updatedBy":"reviewer"}]}""";

    static final String DETAIL_EXAMPLE = "{\"template\":" + SUMMARY_EXAMPLE + """
            ,"body":{"code":"copy-1f3a9c2e","name":"望城区 2020 年部门整体支出绩效评价指标体系","description":"…",
             "levels":[{"name":"投入","points":15,"children":[
               {"name":"预算配置","children":[
                 {"code":"staff-control-rate","name":"在职人员控制率","points":3,"rule":{"kind":"ceiling","threshold":100,"deductPerPoint":0.10}},
                 {"code":"key-spending-rate","name":"重点支出安排率","points":4,"rule":{"kind":"ratio"}}]}]}],
             "project":{"budgetExecution":10,"output":50,"benefit":30,"satisfaction":10}}}""";

    static final String EDIT_EXAMPLE = """
            {"version":3,"name":"望城区 2020 年部门整体支出绩效评价指标体系",
             "project":{"budgetExecution":10,"output":50,"benefit":30,"satisfaction":10},
             "levels":[
              {"name":"投入","points":15,"children":[
                {"name":"目标设定","children":[
                  {"code":"goal-reasonableness","name":"绩效目标合理性","points":2,"rule":{"kind":"qualitative"}},
                  {"code":"indicator-clarity","name":"绩效指标明确性","points":3,"rule":{"kind":"qualitative"}}]},
                {"name":"预算配置","children":[
                  {"code":"staff-control-rate","name":"在职人员控制率","points":2,"rule":{"kind":"ceiling","threshold":"100","deductPerPoint":"0.10"}},
                  {"code":"three-public-change-rate","name":"\\"三公经费\\"变动率","points":3,"rule":{"kind":"ceiling","threshold":"0","deductPerPoint":"0.10"}},
                  {"code":"key-spending-rate","name":"重点支出安排率","points":5,"rule":{"kind":"ratio"}}]}]},
              {"name":"过程","points":35,"children":[{"name":"预算执行","children":[
                  {"code":"budget-adjustment-rate","name":"预算调整率","points":2,"rule":{"kind":"bands","bands":[
                    {"upTo":"0","share":"1"},{"upTo":"5","share":"0.9"},{"upTo":"10","share":"0.7"},{"upTo":"20","share":"0.4"}]}},
                  "… the other indicators of the template, unchanged …"]}]}]}""";

    static final String PROBLEM_EXAMPLE = """
            {"type":"urn:jixiao:problem:template.invalid","title":"请求有误","status":400,
             "detail":"模板有 2 处错误，请按提示修改后重新保存。","instance":"/api/v1/templates/2","code":"template.invalid",
             "errors":[{"field":"levels[0].points","message":"一级指标的分值须等于其下各三级指标分值之和。"},
                       {"field":"levels","message":"一级指标分值合计须为 100 分。"}]}""";

    public record AssignInput(Long templateId, Long version) {
    }

    private final TemplateService service;
    private final IndicatorCatalogue catalogue;
    private final Caller caller;

    public TemplateResource(TemplateService service, IndicatorCatalogue catalogue, Caller caller) {
        this.service = service;
        this.catalogue = catalogue;
        this.caller = caller;
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "The indicators the service computes, which a template may add: code, names, accepted rule kinds",
            description = "source: figures (the sheet) or goals (the goal indicators). The first of kinds is the editor's "
                    + "starting rule. For december-share and q4-share (年底突击花钱), threshold (%) and deductPerPoint are the "
                    + "configured defaults (jixiao.rush.*) a rush rule scores with when it leaves them out. Qualitative "
                    + "indicators (scored by hand) are not listed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "two of them", value = "[{\"code\":\"december-share\",\"name\":\"12月支出占比\","
                    + "\"nameEn\":\"December share of the year's spending\",\"source\":\"figures\","
                    + "\"kinds\":[\"rush\",\"ratio\",\"target\",\"ceiling\",\"bands\",\"qualitative\"],"
                    + "\"threshold\":15,\"deductPerPoint\":0.10},"
                    + "{\"code\":\"task-timeliness-rate\",\"name\":\"完成及时率\",\"nameEn\":\"Timeliness rate\","
                    + "\"source\":\"goals\",\"kinds\":[\"ratio\",\"target\",\"ceiling\",\"bands\",\"qualitative\"],"
                    + "\"threshold\":null,\"deductPerPoint\":null}]"),
            schema = @Schema(type = SchemaType.ARRAY, implementation = KnownIndicatorResponse.class)))
    public List<KnownIndicatorResponse> indicators() {
        return catalogue.list().stream().map(KnownIndicatorResponse::of).toList();
    }

    @GET
    @Operation(summary = "The templates: the default, and the copies made for jurisdictions and years",
            description = "With jurisdiction and/or fiscalYear: the default plus the copies for them.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "default and one copy", value = "[" + SUMMARY_EXAMPLE + "]"),
            schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateSummaryResponse.class)))
    public List<TemplateSummaryResponse> list(@Parameter(description = "所属区县", example = "望城区") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(example = "2020") @QueryParam("fiscalYear") Integer fiscalYear) {
        return service.list(jurisdiction, fiscalYear).stream().map(TemplateSummaryResponse::of).toList();
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "A template with its whole tree: latest version, or the version asked for")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a copy", value = DETAIL_EXAMPLE),
            schema = @Schema(implementation = TemplateDetailResponse.class)))
    @APIResponse(responseCode = "404", description = "No such template or version")
    public TemplateDetailResponse get(@PathParam("id") long id,
            @Parameter(description = "a stored version (default: the latest)", example = "2") @QueryParam("version") Integer version) {
        return TemplateDetailResponse.of(service.get(id, version));
    }

    @GET
    @Path("/{id: [0-9]+}/versions")
    @Operation(summary = "Every stored version of a template (immutable; scores name the version they used)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "three versions", value = "[{\"version\":1,\"createdAt\":\"2021-01-05T02:00:00Z\",\"createdBy\":\"reviewer\"},"
                    + "{\"version\":2,\"createdAt\":\"2021-01-05T02:10:00Z\",\"createdBy\":\"reviewer\"},"
                    + "{\"version\":3,\"createdAt\":\"2021-01-05T02:30:00Z\",\"createdBy\":\"reviewer\"}]"),
            schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateVersionResponse.class)))
    public List<TemplateVersionResponse> versions(@PathParam("id") long id) {
        return service.versions(id).stream().map(TemplateVersionResponse::of).toList();
    }

    @GET
    @Path("/{id: [0-9]+}/audit")
    @Operation(summary = "Who changed what in a template, when (one row per changed indicator field)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "an edit", value = "[{\"at\":\"2021-01-05T02:10:00Z\",\"actor\":\"reviewer\",\"field\":\"staff-control-rate.points\","
                    + "\"oldValue\":\"3\",\"newValue\":\"2\",\"version\":2}]"),
            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryResponse.class)))
    public List<AuditEntryResponse> audit(@PathParam("id") long id) {
        return service.audit(id).stream().map(AuditEntryResponse::of).toList();
    }

    @POST
    @Path("/{id: [0-9]+}/copies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy a template's latest version for a jurisdiction and fiscal year (finance reviewer)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "望城区 2020",
            value = "{\"name\":\"望城区 2020 年部门整体支出绩效评价指标体系\",\"jurisdiction\":\"望城区\",\"fiscalYear\":2020}")))
    @APIResponse(responseCode = "201", description = "The copy, version 1", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "created", value = DETAIL_EXAMPLE),
            schema = @Schema(implementation = TemplateDetailResponse.class)))
    @APIResponse(responseCode = "400", description = "jurisdiction or fiscalYear missing", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "no year", value = Examples.COPY_INVALID)))
    @APIResponse(responseCode = "403", description = "Not a finance reviewer")
    public Response copy(@PathParam("id") long id, TemplateService.CopyInput input) {
        TemplateDetailResponse d = TemplateDetailResponse.of(service.copy(caller, id, input));
        return Response.created(URI.create("/api/v1/templates/" + d.template().id())).entity(d).build();
    }

    @PUT
    @Path("/{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a template's weights and rule parameters: stores a new immutable version (finance reviewer)",
            description = "Send the whole tree and the version read. Points: at most 2 decimals; each 一级's points equal the sum "
                    + "of its indicators; the 一级 points total 100; project weights total 100. Rules: ratio (no parameters), "
                    + "target (target %, deductPerPoint 0–1), ceiling (threshold %, deductPerPoint 0–1), bands (upTo % strictly "
                    + "ascending, share 0–1), qualitative; an indicator without a formula can only be qualitative. Every problem "
                    + "is answered with its field path; nothing is stored then. When the template is assigned, the unsubmitted "
                    + "department-years of its jurisdiction and year are rescored at once; submitted ones keep their pinned version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "move a point, change bands", value = EDIT_EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "version 4", value = DETAIL_EXAMPLE),
            schema = @Schema(implementation = TemplateDetailResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "weights do not total 100", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a finance reviewer")
    @APIResponse(responseCode = "409", description = "Stale version (version.conflict), or the default template (read-only)")
    public TemplateDetailResponse edit(@PathParam("id") long id, TemplateService.EditInput input) {
        return TemplateDetailResponse.of(service.edit(caller, id,
                input == null ? new TemplateService.EditInput(null, null, null, null, null) : input));
    }

    @GET
    @Path("/assignments")
    @Operation(summary = "Which template each jurisdiction scores a year with (none: the default)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "望城区 2020", value = "[{\"jurisdiction\":\"望城区\",\"fiscalYear\":2020,\"templateId\":2,\"templateName\":\"望城区 2020 年部门整体支出绩效评价指标体系\","
                    + "\"templateVersion\":3,\"version\":0,\"updatedAt\":\"2021-01-05T02:31:00Z\",\"updatedBy\":\"reviewer\"}]"),
            schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateAssignmentResponse.class)))
    public List<TemplateAssignmentResponse> assignments(@Parameter(example = "2020") @QueryParam("fiscalYear") Integer fiscalYear) {
        return service.assignments(fiscalYear).stream().map(TemplateAssignmentResponse::of).toList();
    }

    @PUT
    @Path("/assignments/{jurisdiction}/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a template copied for this jurisdiction and year (finance reviewer); its unsubmitted department-years are rescored",
            description = "version: the assignment's version read, null when the jurisdiction-year has none yet.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "first assignment",
            value = "{\"templateId\":2,\"version\":null}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "assigned", value = "{\"jurisdiction\":\"望城区\",\"fiscalYear\":2020,\"templateId\":2,\"templateName\":\"望城区 2020 年部门整体支出绩效评价指标体系\","
                    + "\"templateVersion\":3,\"version\":0,\"updatedAt\":\"2021-01-05T02:31:00Z\",\"updatedBy\":\"reviewer\"}"),
            schema = @Schema(implementation = TemplateAssignmentResponse.class)))
    @APIResponse(responseCode = "400", description = "The template was not copied for this jurisdiction and year", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "another scope", value = Examples.ASSIGNMENT_SCOPE)))
    @APIResponse(responseCode = "409", description = "Stale assignment version")
    public TemplateAssignmentResponse assign(@PathParam("jurisdiction") String jurisdiction,
            @PathParam("fiscalYear") int fiscalYear, AssignInput input) {
        return TemplateAssignmentResponse.of(service.assign(caller, jurisdiction, fiscalYear,
                input == null ? null : input.templateId(), input == null ? null : input.version()));
    }

    @DELETE
    @Path("/assignments/{jurisdiction}/{fiscalYear}")
    @Operation(summary = "Remove an assignment: the jurisdiction-year is scored with the default again (finance reviewer)")
    @APIResponse(responseCode = "204", description = "Removed; unsubmitted department-years rescored")
    @APIResponse(responseCode = "404", description = "No assignment")
    @APIResponse(responseCode = "409", description = "Stale assignment version", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "stale version",
                    value = Examples.VERSION_CONFLICT_ASSIGNMENT)))
    public void unassign(@PathParam("jurisdiction") String jurisdiction, @PathParam("fiscalYear") int fiscalYear,
            @Parameter(description = "the assignment's version read", example = "0") @QueryParam("version") Long version) {
        service.unassign(caller, jurisdiction, fiscalYear, version);
    }
}
