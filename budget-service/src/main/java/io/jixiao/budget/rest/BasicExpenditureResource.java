package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.budget.service.BasicExpenditureService;
import io.jixiao.platform.api.DocumentCache;
import io.jixiao.platform.api.Documents;
import io.jixiao.platform.audit.AuditEntryResponse;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/budgets/{departmentId}/{fiscalYear}/basic-expenditure")
@Tag(name = "基本支出 Basic expenditure")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BasicExpenditureResource {

    private final BasicExpenditureService service;
    private final Caller caller;

    private final ObjectMapper mapper;

    public BasicExpenditureResource(BasicExpenditureService service, Caller caller, ObjectMapper mapper) {
        this.service = service;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Read a department's 基本支出 for a year, with variance and 预算完成率")
    @APIResponse(responseCode = "200", description = "The figures; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BasicExpenditureResponse.class)))
    @APIResponse(responseCode = "403", description = "Another department's data")
    @APIResponse(responseCode = "404", description = "Nothing entered for this year yet")
    public Response get(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @Context HttpHeaders headers) {
        DocumentCache.Entry doc = service.document(caller, departmentId, fiscalYear, row -> {
            try {
                BasicExpenditureResponse view = BasicExpenditureResponse.of(row);
                return new DocumentCache.Entry("\"" + view.version() + "\"",
                        mapper.writeValueAsString(view));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return Documents.respond(headers, doc);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or correct 基本支出 (department users, own department only)",
            description = "Send the version you read (body field version, or If-Match). A stale version gets 409.")
    @APIResponse(responseCode = "200", description = "Saved; an event goes to budget.events through the outbox",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BasicExpenditureResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid amounts (problem+json with the field)")
    @APIResponse(responseCode = "409", description = "Changed by someone else since you read it")
    public Response put(@PathParam("departmentId") String departmentId, @PathParam("fiscalYear") int fiscalYear,
            @Parameter(description = "Version read, as ETag value") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BasicExpenditureInput input) {
        BasicExpenditureResponse view = BasicExpenditureResponse.of(
                service.save(caller, departmentId, fiscalYear, input, parseIfMatch(ifMatch)));
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Who changed what and when (audit trail)")
    public List<AuditEntryResponse> audit(@PathParam("departmentId") String departmentId,
            @PathParam("fiscalYear") int fiscalYear) {
        return service.history(caller, departmentId, fiscalYear).stream().map(AuditEntryResponse::of).toList();
    }

    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "request.invalid",
                    List.of(new io.jixiao.platform.problem.FieldError("If-Match", "field.unreadable")));
        }
    }
}
