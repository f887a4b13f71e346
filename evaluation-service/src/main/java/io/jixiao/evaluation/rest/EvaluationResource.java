package io.jixiao.evaluation.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.evaluation.service.EvaluationDocuments;
import io.jixiao.evaluation.service.EvaluationDocuments.EvaluationResponse;
import io.jixiao.evaluation.service.EvaluationService;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.api.LongPoll;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/evaluations")
@Tag(name = "绩效评价 Evaluation")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService service;
    private final Caller caller;
    private final DocumentCache cache;

    public EvaluationResource(EvaluationService service, Caller caller, DocumentCache cache) {
        this.service = service;
        this.caller = caller;
        this.cache = cache;
    }

    @Schema(name = "SelfScoreInput", description = "A department's self-score of a qualitative indicator")
    public record SelfScoreInput(
            @Schema(description = "GOOD 80–100%, FAIR 60–80%, POOR 0–60% of the points") @NotNull(message = "{jixiao.tier.required}") EvaluationService.Tier tier,
            @Schema(example = "1.80") @NotNull(message = "{jixiao.score.required}") @DecimalMin(value = "0", message = "{jixiao.score.negative}")
            @Digits(integer = 3, fraction = 2, message = "{jixiao.score.digits}") BigDecimal score,
            @Schema(description = "佐证: what supports the score") @NotBlank(message = "{jixiao.evidence.required}") @Size(max = 4000) String evidence,
            Long version) {
    }

    @GET
    @Path("/{departmentId}/{fiscalYear}")
    @Operation(summary = "Indicators and score card of a department-year; every score explains itself",
            description = "The sentences (rule, formula, inputs, why, 数据缺失) follow Accept-Language: zh-CN (default) or en. "
                    + "Names are the template's data in 中文, with nameEn, level1En and level2En beside them where the template has them.")
    @APIResponse(responseCode = "200", description = "With an ETag: send it back as If-None-Match to get 304 while nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class), examples = {
            @ExampleObject(name = "zh-CN", summary = "Accept-Language: zh-CN (3 of the 28 items shown)", value = Examples.EVALUATION_READ),
            @ExampleObject(name = "en", summary = "Accept-Language: en (1 item shown)", value = Examples.EVALUATION_EN) }))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag (after the wait, "
            + "if Prefer: wait=N was sent)", headers = @Header(name = LongPoll.PREFERENCE_APPLIED,
            description = "wait=N when the answer waited", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No budget figures received for this year yet", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "not yet scored", value = Examples.NOT_FOUND)))
    @Parameter(name = LongPoll.PREFER, in = ParameterIn.HEADER, example = "wait=25", schema = @Schema(type = SchemaType.STRING), description = "RFC 7240 wait=N "
            + "(seconds, at most 30), with If-None-Match: the answer waits until the evaluation changes (200 with the new "
            + "card the moment it is stored) or N seconds pass (304). One request per change instead of polling.")
    @Blocking
    public Uni<Response> get(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @Context HttpHeaders headers) {
        Locale locale = Messages.of(headers);
        DocumentCache.Entry doc = service.document(caller, departmentId, fiscalYear, locale);
        if (doc == null) { // not yet scored (404 from the service), scored just now, or before documents were kept
            EvaluationResponse live = service.get(caller, departmentId, fiscalYear, locale);
            // Looked up again after that read: a scoring that committed between the two is answered from its
            // document, so the ETag is the one every later read gives (a computed body hashes differently).
            doc = service.document(caller, departmentId, fiscalYear, locale);
            if (doc == null) {
                return Uni.createFrom().item(Response.ok(live).build());
            }
        }
        return LongPoll.respond(headers, cache, EvaluationDocuments.region(departmentId, fiscalYear), doc,
                () -> service.documentAgain(departmentId, fiscalYear, locale));
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Path("/{departmentId}/{fiscalYear}/self-scores/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Self-score a qualitative indicator within a tier, with evidence (own department)",
            description = "tier GOOD: 80–100% of the points, FAIR 60–80%, POOR 0–60%; version: the selfScoreVersion of the item "
                    + "read (null the first time). Answers the rescored evaluation in the caller's language.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "社会效益, good",
            value = Examples.SELF_SCORE_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class),
            examples = @ExampleObject(name = "rescored", summary = "3 of the 28 items shown", value = Examples.EVALUATION_SELF_SCORED)))
    @APIResponse(responseCode = "400", description = "Outside the tier, not a qualitative indicator, or a field missing",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "outside the tier",
                    value = Examples.SELF_SCORE_OUTSIDE_TIER)))
    @APIResponse(responseCode = "403", description = "Another department")
    @APIResponse(responseCode = "409", description = "Stale version (version.conflict), or the filing is submitted (filing.locked)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "filing submitted",
                    value = Examples.FILING_LOCKED)))
    public EvaluationResponse selfScore(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear, @PathParam("code") String code,
            @Valid @NotNull SelfScoreInput input, @Context HttpHeaders headers) {
        Locale locale = Messages.of(headers);
        return service.selfScore(caller, departmentId, fiscalYear, code, input.tier(), input.score(),
                input.evidence(), input.version(), locale);
    }

    @Schema(name = "AdjustmentInput", description = "A finance reviewer's adjusted score with the reason")
    public record AdjustmentInput(@NotNull(message = "{jixiao.score.required}") @DecimalMin(value = "0", message = "{jixiao.score.negative}")
            @Digits(integer = 3, fraction = 2, message = "{jixiao.score.digits}") BigDecimal score,
            @NotBlank(message = "{jixiao.comment.required}") @Size(max = 4000) String comment, Long version) {
    }

    @jakarta.annotation.security.RolesAllowed(io.jixiao.platform.security.Roles.FINANCE_REVIEWER)
    @PUT
    @Path("/{departmentId}/{fiscalYear}/adjustments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adjust one score (finance reviewer), with a required comment; self and adjusted score stay side by side",
            description = "score: 0 up to the indicator's points; version: the adjustmentVersion of the item read (null the first time).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "社会效益 to 6.40",
            value = Examples.ADJUSTMENT_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationResponse.class),
            examples = @ExampleObject(name = "adjusted", summary = "3 of the 28 items shown", value = Examples.EVALUATION_ADJUSTED)))
    @APIResponse(responseCode = "400", description = "Above the indicator's points, or no comment", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "above the points", value = Examples.ABOVE_POINTS)))
    @APIResponse(responseCode = "403", description = "Not a finance reviewer")
    @APIResponse(responseCode = "409", description = "Stale version (version.conflict)")
    public EvaluationResponse adjust(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @PathParam("code") String code, @Valid @NotNull AdjustmentInput input, @Context HttpHeaders headers) {
        Locale locale = Messages.of(headers);
        return service.adjust(caller, departmentId, fiscalYear, code, input.score(), input.comment(), input.version(),
                locale);
    }

    @Schema(description = "A department's place in the district's ranking of a year (equal totals share a rank)")
    public record RankingEntryResponse(int rank, String departmentId, BigDecimal total, String grade) {

        static RankingEntryResponse of(EvaluationService.RankingEntry e) {
            return new RankingEntryResponse(e.rank(), e.departmentId(), e.total(), e.grade());
        }
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "The district's departments by total score (finance bureau)",
            description = "Equal totals share a rank. Filter by 区县 with jurisdiction.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RankingEntryResponse.class), examples = @ExampleObject(
            name = "2020", value = "["
                    + "{\"rank\":1,\"departmentId\":\"d0000000-0000-4000-8000-000000000002\",\"total\":91.99,\"grade\":\"优\"},"
                    + "{\"rank\":2,\"departmentId\":\"d0000000-0000-4000-8000-000000000004\",\"total\":83.62,\"grade\":\"良\"},"
                    + "{\"rank\":3,\"departmentId\":\"d0000000-0000-4000-8000-000000000006\",\"total\":83.12,\"grade\":\"良\"},"
                    + "{\"rank\":4,\"departmentId\":\"d0000000-0000-4000-8000-000000000003\",\"total\":67.81,\"grade\":\"中\"},"
                    + "{\"rank\":5,\"departmentId\":\"d0000000-0000-4000-8000-000000000007\",\"total\":65.42,\"grade\":\"中\"},"
                    + "{\"rank\":6,\"departmentId\":\"d0000000-0000-4000-8000-000000000005\",\"total\":56.64,\"grade\":\"差\"},"
                    + "{\"rank\":7,\"departmentId\":\"d0000000-0000-4000-8000-000000000001\",\"total\":6.82,\"grade\":\"差\"}]")))
    @APIResponse(responseCode = "400", description = "fiscalYear missing")
    @APIResponse(responseCode = "403", description = "Not a bureau role")
    public List<RankingEntryResponse> ranking(@Parameter(example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "所属区县", example = "望城区") @QueryParam("jurisdiction") String jurisdiction) {
        return service.ranking(caller, fiscalYear, jurisdiction).stream().map(RankingEntryResponse::of).toList();
    }

    @GET
    @Path("/grades")
    @Operation(summary = "Grade distribution: how many departments got 优 / 良 / 中 / 差 (finance bureau)",
            description = "All four grades are listed, with 0 where none. Filter by year (required) and 区县.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, 
            schema = @Schema(implementation = EvaluationService.GradeDistribution.class), examples = @ExampleObject(
            name = "望城区 2020", value = "{\"fiscalYear\":2020,\"jurisdiction\":\"望城区\",\"departments\":7,\"grades\":["
                    + "{\"grade\":\"优\",\"count\":1},{\"grade\":\"良\",\"count\":2},{\"grade\":\"中\",\"count\":2},{\"grade\":\"差\",\"count\":2}]}")))
    @APIResponse(responseCode = "400", description = "fiscalYear missing")
    @APIResponse(responseCode = "403", description = "Not a bureau role")
    public EvaluationService.GradeDistribution grades(@Parameter(example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "所属区县", example = "望城区") @QueryParam("jurisdiction") String jurisdiction) {
        return service.grades(caller, fiscalYear, jurisdiction);
    }

    @GET
    @Path("/{departmentId}/history")
    @Operation(summary = "A department's total and grade per fiscal year, oldest first, with the template version that scored each")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, 
            schema = @Schema(implementation = EvaluationService.History.class), examples = @ExampleObject(
            name = "two years", value = "{\"departmentId\":\"d0000000-0000-4000-8000-000000000001\",\"years\":["
                    + "{\"fiscalYear\":2019,\"total\":72.40,\"grade\":\"中\",\"templateId\":1,\"templateVersion\":1,\"pinned\":true,\"computedAt\":\"2020-03-02T08:00:00Z\"},"
                    + "{\"fiscalYear\":2020,\"total\":6.82,\"grade\":\"差\",\"templateId\":2,\"templateVersion\":3,\"pinned\":false,\"computedAt\":\"2021-03-01T08:00:00Z\"}]}")))
    @APIResponse(responseCode = "403", description = "Another department's history")
    public EvaluationService.History history(@PathParam("departmentId") String departmentId) {
        return service.history(caller, departmentId);
    }
}
