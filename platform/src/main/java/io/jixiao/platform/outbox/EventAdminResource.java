package io.jixiao.platform.outbox;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.inbox.ParkedEvents;
import io.jixiao.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admin's view of this service's event plumbing: outgoing events the broker refused for good
 * (dead letters) and incoming events this service could not apply (parked). Each service mounts it
 * under its own resource name, e.g. {@code /api/v1/budgets/admin/events}.
 */
@Tag(name = "运维 Event administration")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public abstract class EventAdminResource {

    static final String DEAD_LETTERS = """
            [{"id":3,"eventId":"6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f","eventType":"BudgetFiguresChanged",
            "key":"d0000000-0000-4000-8000-000000000001:2020","bytes":1210344,
            "reason":"broker refused: org.apache.kafka.common.errors.RecordTooLargeException",
            "failedAt":"2026-12-05T08:14:02.120Z","waiting":2}]""";
    static final String PARKED = """
            [{"id":7,"topic":"report.events","eventId":"0b7e9c1a-2f3d-4e5a-8b6c-7d8e9f0a1b2c","eventType":"FilingSubmitted",
            "schemaVersion":2,"key":"d0000000-0000-4000-8000-000000000001:2020",
            "reason":"unsupported schemaVersion 2 of FilingSubmitted (understood up to 1)",
            "parkedAt":"2026-12-05T08:20:11.004Z","replays":0}]""";
    static final String REPLAYED = "{\"id\":7,\"outcome\":\"APPLIED\"}";
    static final String PARKED_NOT_FOUND = """
            {"type":"urn:jixiao:problem:parked.not-found","title":"未找到","status":404,
            "detail":"未找到编号为 7 的暂存事件。","code":"parked.not-found"}""";
    static final String NOT_FOUND = """
            {"type":"urn:jixiao:problem:dead-letter.not-found","title":"未找到","status":404,
            "detail":"未找到编号为 3 的死信事件。","code":"dead-letter.not-found"}""";

    private final OutboxDeadLetters deadLetters;
    private final OutboxRelay relay;
    private final ParkedEvents parked;

    protected EventAdminResource(OutboxDeadLetters deadLetters, OutboxRelay relay, ParkedEvents parked) {
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.parked = parked;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Outgoing events the broker refused for good, with the reason and how many later "
            + "events of the same department-year wait behind each")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one dead letter", value = DEAD_LETTERS),
            schema = @Schema(type = SchemaType.ARRAY, implementation = OutboxDeadLetters.DeadLetterResponse.class)))
    public List<OutboxDeadLetters.DeadLetterResponse> deadLetters() {
        return deadLetters.list();
    }

    @POST
    @Path("/dead-letters/{id}/retry")
    @Operation(summary = "Publish a dead letter again (after its cause was fixed); the events behind it follow")
    @APIResponse(responseCode = "204", description = "The relay takes it up again")
    @APIResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "no such dead letter", value = NOT_FOUND)))
    public void retry(@PathParam("id") long id) {
        deadLetters.retry(id);
        deadLetters.refreshCount();
        relay.wake();
    }

    @GET
    @Path("/parked")
    @Operation(summary = "Incoming events this service could not apply, with the reason")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one parked event", value = PARKED),
            schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEvents.ParkedEventResponse.class)))
    public List<ParkedEvents.ParkedEventResponse> parked() {
        return parked.list();
    }

    @POST
    @Path("/parked/{id}/replay")
    @Operation(summary = "Apply a parked event again through this service's consumer (idempotent)")
    @APIResponse(responseCode = "200", description = "APPLIED, DUPLICATE (applied before), IGNORED or PARKED (again)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "applied",
                    value = REPLAYED), schema = @Schema(implementation = ParkedEvents.ReplayResponse.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "no such parked event", value = PARKED_NOT_FOUND)))
    public ParkedEvents.ReplayResponse replay(@PathParam("id") long id) {
        return parked.replay(id);
    }
}
