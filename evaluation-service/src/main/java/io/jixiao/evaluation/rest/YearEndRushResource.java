package io.jixiao.evaluation.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.evaluation.service.YearEndRushService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The dashboard's chart of December shares (年底突击花钱). */
@Path("/api/v1/evaluations/year-end-rush")
@Tag(name = "绩效评价 Evaluation")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class YearEndRushResource {

    private final YearEndRushService service;
    private final Caller caller;

    public YearEndRushResource(YearEndRushService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "December's and the fourth quarter's share of the year's spending per department (年底突击花钱)",
            description = "The bureau sees every department of the year (filter by 区县 with jurisdiction), a department "
                    + "only its own. Shares in %, null when the monthly data is missing; the thresholds are the configured "
                    + "defaults the chart draws. Highest December share first.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, 
            schema = @Schema(implementation = YearEndRushService.District.class), examples = @ExampleObject(
            name = "2020", value = "{\"fiscalYear\":2020,\"jurisdiction\":\"望城区\",\"decemberThreshold\":15,\"q4Threshold\":40,"
                    + "\"departments\":[{\"departmentId\":\"d0000000-0000-4000-8000-000000000002\",\"name\":\"望城区教育局\","
                    + "\"jurisdiction\":\"望城区\",\"decemberShare\":19.43,\"q4Share\":34.29,\"aboveThreshold\":true}]}")))
    @APIResponse(responseCode = "400", description = "fiscalYear missing")
    public YearEndRushService.District shares(@Parameter(example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "所属区县 (bureau only; ignored for a department)", example = "望城区")
            @QueryParam("jurisdiction") String jurisdiction) {
        return service.shares(caller, fiscalYear, jurisdiction);
    }
}
