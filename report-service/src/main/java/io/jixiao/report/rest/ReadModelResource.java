package io.jixiao.report.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.jixiao.report.messaging.ReadModelRebuild;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Administration of the report's read model. */
@Path("/api/v1/reports/read-model/rebuild")
@Tag(name = "运维 Administration")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public class ReadModelResource {

    private final ReadModelRebuild rebuild;
    private final Caller caller;

    public ReadModelResource(ReadModelRebuild rebuild, Caller caller) {
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the read model from budget.events and evaluation.events, from their beginning (admin)",
            description = "Wipes the derived views and replays both topics through the consumers' inbox and handlers; "
                    + "idempotent. Correct only while the topics keep every event (retention.ms=-1).")
    @APIResponse(responseCode = "200", description = "rebuilt", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReadModelRebuild.Result.class), examples = @ExampleObject(name = "rebuilt", value = "{\"records\":{\"budget.events\":42,\"evaluation.events\":21},"
                    + "\"outcomes\":{\"APPLIED\":63},\"rows\":{\"budget_view\":7,\"indicator_view\":140,\"sheet_view\":7,\"score_view\":7},\"tookMs\":850}")))
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "409", description = "a rebuild is already running (on any instance: a PostgreSQL advisory lock), "
            + "or the topics cannot be read", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "another rebuild is running", value = Examples.REBUILD_RUNNING)))
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild(caller);
    }
}
