package io.jixiao.platform.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The change feed (增量同步) operation, the same in every service; each service mounts it under its
 * own resource name ({@code /api/v1/budgets/changes}, {@code /evaluations/changes}, {@code /filings/changes}).
 */
@Tag(name = "增量同步 Change feed")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
public abstract class ChangeFeedResource {

    private final ChangeFeed feed;
    private final Caller caller;

    protected ChangeFeedResource(ChangeFeed feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything this service published since a position (incremental sync)",
            description = "Start with since (or nothing), then always pass the nextCursor of the previous page. "
                    + "Items come in commit order; a position is never overtaken by a later commit, so repeated "
                    + "pulls miss nothing and repeat nothing. Each item carries the event's full payload. "
                    + "Department users see their own department only.")
    public ChangeFeed.Page changes(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "First pull only: changes at or after this ISO 8601 time",
                    example = "2026-11-26T00:00:00+08:00") @QueryParam("since") String since,
            @Parameter(description = "Only this event type") @QueryParam("type") String type,
            @Parameter(description = "Only this department") @QueryParam("departmentId") String departmentId,
            @Parameter(description = "Only this fiscal year", example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "1..500") @QueryParam("limit") @DefaultValue("100") int limit) {
        return feed.read(caller, cursor, since, type, departmentId, fiscalYear, limit);
    }
}
