package io.jixiao.evaluation.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.evaluation.domain.GoalIndicator;
import io.jixiao.evaluation.service.GoalService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/goals/{departmentId}/{fiscalYear}")
@Tag(name = "绩效目标 Goals")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    @Schema(name = "GoalIndicatorResponse", description = "One indicator of a goal, with its target, actual and whether it was met")
    public record IndicatorResponse(long id, String goal,
            @Schema(enumeration = { "QUANTITY", "QUALITY", "TIMELINESS", "COST", "BENEFIT", "SATISFACTION" }) String category,
            String name, String unit,
            @Schema(enumeration = { "GE", "LE", "EQ" }, description = "GE ≥, LE ≤, EQ =") String direction,
            BigDecimal target, @Schema(nullable = true, description = "null while the actual is not known") BigDecimal actual,
            boolean keyTask, @Schema(nullable = true, description = "null while the actual is not known") Boolean met) {
    }

    @Schema(name = "GoalsResponse", description = "The goals of a department-year (绩效目标)")
    public record GoalsResponse(@Schema(nullable = true, description = "null until the goals were first saved") Long version,
            List<IndicatorResponse> indicators) {
    }

    private final GoalService service;
    private final Caller caller;

    public GoalResource(GoalService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The goals of a department-year with every indicator's target, actual and whether it was met",
            description = "met: null while the actual is not known. version: send it back with the next save (null: none saved yet).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoalsResponse.class), examples = @ExampleObject(name = "2020", value = Examples.GOALS)))
    @APIResponse(responseCode = "403", description = "Another department")
    public GoalsResponse get(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y) {
        return view(service.get(caller, d, y), service.version(d, y));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the goals (own department; send the version read); the score card is rescored",
            description = "category: QUANTITY, QUALITY, TIMELINESS, COST, BENEFIT, SATISFACTION; direction: GE (≥), LE (≤), EQ (=)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two goals", value = Examples.GOALS_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoalsResponse.class), examples = @ExampleObject(name = "saved", value = Examples.GOALS)))
    @APIResponse(responseCode = "400", description = "Invalid goals, each with its field path; nothing stored", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "two fields wrong", value = Examples.GOALS_INVALID)))
    @APIResponse(responseCode = "403", description = "Another department")
    @APIResponse(responseCode = "409", description = "Stale version (version.conflict), or the filing is submitted (filing.locked)")
    public GoalsResponse save(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @NotNull GoalService.GoalsInput input) {
        return view(service.save(caller, d, y, input), service.version(d, y));
    }

    private static GoalsResponse view(List<GoalIndicator> list, Long version) {
        return new GoalsResponse(version, list.stream().map(g -> new IndicatorResponse(g.id, g.goal, g.category.name(), g.name,
                g.unit, g.direction.name(), g.target.stripTrailingZeros(), g.actual == null ? null : g.actual.stripTrailingZeros(),
                g.keyTask, g.met())).toList());
    }
}
