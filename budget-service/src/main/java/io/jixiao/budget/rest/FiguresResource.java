package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.budget.service.BudgetSheet;
import io.jixiao.budget.service.SheetDocuments;
import io.jixiao.platform.api.Documents;
import io.jixiao.budget.service.FiguresService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A department-year's figures as one sheet, and the writes of its sections. */
@Path("/api/v1/budgets/{departmentId}/{fiscalYear}")
@Tag(name = "预算与支出 Department-year figures")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FiguresResource {

    private final FiguresService service;
    private final Caller caller;

    public FiguresResource(FiguresService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Everything reported for the year, with totals, variances, rates, shares and reason checks",
            description = "Stored at every change with its ETag: send it back as If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetSheet.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag")
    public Response sheet(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y, @Context HttpHeaders headers) {
        io.jixiao.platform.api.DocumentCache.Entry doc = service.document(caller, d, y);
        if (doc == null) { // no change since documents are kept, or the first one committed just now
            var sheet = service.sheet(caller, d, y);
            // Looked up again after that read, so a document committed between the two answers with its own ETag.
            doc = service.document(caller, d, y);
            if (doc == null) {
                return Response.ok(sheet).build();
            }
        }
        return Documents.respond(headers, doc);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Path("/staffing")
    @Operation(summary = "人员情况: 编制数, 实有在职在编, 退役士官, 临聘, 派驻, 离退休")
    @APIResponse(responseCode = "200", description = "The sheet with the saved 人员情况", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetSheet.class)))
    @APIResponse(responseCode = "409", description = "stale version, or the filing is submitted (locked)")
    public BudgetSheet staffing(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @Valid @NotNull FigureInputs.StaffingInput input) {
        return service.saveStaffing(caller, d, y, input);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Path("/other-figures")
    @Operation(summary = "三公经费, 政府采购, 结转结余, 固定资产, monthly payments")
    public BudgetSheet otherFigures(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @Valid @NotNull FigureInputs.OtherFiguresInput input) {
        return service.saveOtherFigures(caller, d, y, input);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @POST
    @Path("/projects")
    @Operation(summary = "Add a project (项目支出)")
    public BudgetSheet addProject(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @Valid @NotNull FigureInputs.ProjectInput input) {
        return service.saveProject(caller, d, y, null, input);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Path("/projects/{projectId}")
    @Operation(summary = "Correct a project (send the version read)")
    public BudgetSheet updateProject(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @PathParam("projectId") long projectId, @Valid @NotNull FigureInputs.ProjectInput input) {
        return service.saveProject(caller, d, y, projectId, input);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @DELETE
    @Path("/projects/{projectId}")
    @Operation(summary = "Remove a project (its variance reasons go with it)")
    public BudgetSheet deleteProject(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @PathParam("projectId") long projectId, @QueryParam("version") Long version) {
        return service.deleteProject(caller, d, y, projectId, version);
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @PUT
    @Path("/variance-reasons")
    @Operation(summary = "The reasons of the year's variances (差异原因), each with the amount it explains")
    public BudgetSheet reasons(@PathParam("departmentId") String d, @PathParam("fiscalYear") int y,
            @Valid @NotNull FigureInputs.VarianceReasonsInput input) {
        return service.saveReasons(caller, d, y, input);
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit trail of every section of the year: who, when, old and new value")
    public List<io.jixiao.platform.audit.AuditEntryResponse> audit(@PathParam("departmentId") String d,
            @PathParam("fiscalYear") int y) {
        return service.history(caller, d, y).stream().map(io.jixiao.platform.audit.AuditEntryResponse::of).toList();
    }
}
