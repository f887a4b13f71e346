package io.jixiao.report.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.jixiao.platform.api.ChangeFeed;
import io.jixiao.platform.api.ChangeFeedResource;
import io.jixiao.platform.security.Caller;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The change feed of filings (FilingSubmitted, FilingReturned, FilingApproved). The operation is platform's;
 * it is declared again here only to document it with this service's example (JAX-RS takes all of a
 * method's annotations from the override, so they are repeated).
 */
@Path("/api/v1/filings/changes")
public class FilingChangesResource extends ChangeFeedResource {

    public FilingChangesResource(ChangeFeed feed, Caller caller) {
        super(feed, caller);
    }

    @Override
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything this service published since a position (incremental sync)",
            description = "Start with since (or nothing), then always pass the nextCursor of the previous page. "
                    + "Items come in commit order; a position is never overtaken by a later commit, so repeated "
                    + "pulls miss nothing and repeat nothing. Each item carries the event's full payload. "
                    + "Department users see their own department only.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a submitted filing", value = Examples.FILINGS_CHANGES)))
    public ChangeFeed.Page changes(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "First pull only: changes at or after this ISO 8601 time",
                    example = "2026-11-26T00:00:00+08:00") @QueryParam("since") String since,
            @Parameter(description = "Only this event type") @QueryParam("type") String type,
            @Parameter(description = "Only this department") @QueryParam("departmentId") String departmentId,
            @Parameter(description = "Only this fiscal year", example = "2020") @QueryParam("fiscalYear") Integer fiscalYear,
            @Parameter(description = "1..500") @QueryParam("limit") @DefaultValue("100") int limit) {
        return super.changes(cursor, since, type, departmentId, fiscalYear, limit);
    }
}
