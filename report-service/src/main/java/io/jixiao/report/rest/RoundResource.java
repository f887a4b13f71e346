package io.jixiao.report.rest;

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

import io.jixiao.platform.security.Caller;
import io.jixiao.report.service.SeasonService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 年度自评工作: the bureau's round of a year with its deadline, progress, extensions and close. */
@Path("/api/v1/rounds")
@Tag(name = "年度自评工作 Rounds")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    private final SeasonService service;
    private final Caller caller;

    public RoundResource(SeasonService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Rounds (bureau: all with every department's progress; department: the rounds it is in, with its own row only)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one round", value = SeasonExamples.ROUNDS),
            schema = @Schema(type = SchemaType.ARRAY, implementation = SeasonService.RoundResponse.class)))
    public List<SeasonService.RoundResponse> list(@Parameter(description = "财政年度", example = "2020") @QueryParam("fiscalYear") Integer fiscalYear) {
        return service.list(caller, fiscalYear);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a round (finance reviewer): fiscal year, 区县, deadline, template version and departments "
            + "(default: the onboarded departments of that 区县); each department gets an OPENED notice")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "all departments", value = SeasonExamples.OPEN_INPUT)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "opened", value = SeasonExamples.ROUND),
            schema = @Schema(implementation = SeasonService.RoundResponse.class)))
    @APIResponse(responseCode = "400", description = "a field missing or wrong (errors[].field)", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "deadline inside the year", value = SeasonExamples.OPEN_INVALID)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = SeasonExamples.REVIEWER_ONLY)))
    @APIResponse(responseCode = "422", description = "no onboarded department belongs to the 区县 (errors[].field district)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown district",
                    value = SeasonExamples.DISTRICT_UNKNOWN)))
    @APIResponse(responseCode = "409", description = "a round of the year and district exists, or a department is in another round of the year",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "exists", value = SeasonExamples.ROUND_EXISTS)))
    public Response open(SeasonService.OpenInput input) {
        SeasonService.RoundResponse round = service.open(caller, input);
        return Response.created(URI.create("/api/v1/rounds/" + round.id())).entity(round).build();
    }

    @GET
    @Path("/districts")
    @Operation(summary = "The 区县 a round can be opened for (finance reviewer): those the onboarded departments belong to, "
            + "with how many departments each has")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two districts", value = SeasonExamples.DISTRICTS),
            schema = @Schema(type = SchemaType.ARRAY, implementation = SeasonService.DistrictResponse.class)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = SeasonExamples.REVIEWER_ONLY)))
    public List<SeasonService.DistrictResponse> districts() {
        return service.districts(caller);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One round with its progress (未开始, 填报中, 已提交, 已退回, 已通过, 已逾期)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "open round", value = SeasonExamples.ROUND),
            schema = @Schema(implementation = SeasonService.RoundResponse.class)))
    @APIResponse(responseCode = "404", description = "no such round, or the caller's department is not in it")
    public SeasonService.RoundResponse get(@PathParam("id") long id) {
        return service.get(caller, id);
    }

    @POST
    @Path("/{id}/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend one department's deadline (finance reviewer; audited; the department is notified)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "ten days", value = SeasonExamples.EXTENSION_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "extended", value = SeasonExamples.ROUND),
            schema = @Schema(implementation = SeasonService.RoundResponse.class)))
    @APIResponse(responseCode = "400", description = "no reason, a date not after the deadline, a department not in the round")
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = SeasonExamples.REVIEWER_ONLY)))
    @APIResponse(responseCode = "409", description = "the round is closed, or version is not the round's current one", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "closed", value = SeasonExamples.ROUND_CLOSED)))
    public SeasonService.RoundResponse extend(@PathParam("id") long id, SeasonService.ExtensionInput input) {
        return service.extend(caller, id, input);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a round (finance reviewer; audited): its list and each department's status are frozen")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "version read", value = SeasonExamples.CLOSE_INPUT)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "closed", value = SeasonExamples.ROUND),
            schema = @Schema(implementation = SeasonService.RoundResponse.class)))
    @APIResponse(responseCode = "403", description = "not a finance reviewer", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "department user", value = SeasonExamples.REVIEWER_ONLY)))
    @APIResponse(responseCode = "409", description = "already closed, or version is not the round's current one", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "closed", value = SeasonExamples.ROUND_CLOSED)))
    public SeasonService.RoundResponse close(@PathParam("id") long id, SeasonService.CloseInput input) {
        return service.close(caller, id, input);
    }
}
