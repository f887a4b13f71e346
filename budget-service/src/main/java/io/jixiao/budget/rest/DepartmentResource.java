package io.jixiao.budget.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.jixiao.budget.service.DepartmentService;
import io.jixiao.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/departments")
@Tag(name = "预算单位 Departments")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    private final DepartmentService service;
    private final Caller caller;

    public DepartmentResource(DepartmentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Departments visible to the caller: a department user sees only their own")
    public List<DepartmentResponse> list() {
        return service.visibleTo(caller).stream().map(DepartmentResponse::of).toList();
    }

    @GET
    @Path("/{departmentId}")
    @jakarta.transaction.Transactional
    @Operation(summary = "单位基本情况 of one department: code, name, duties, internal divisions")
    public DepartmentResponse get(@jakarta.ws.rs.PathParam("departmentId") String departmentId) {
        caller.checkRead(departmentId);
        return DepartmentResponse.of(service.require(departmentId));
    }

    @io.jixiao.platform.security.OwnDepartmentWrite
    @jakarta.ws.rs.PUT
    @Path("/{departmentId}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the profile (own department): name, duties, divisions; send the version read")
    public DepartmentResponse update(@jakarta.ws.rs.PathParam("departmentId") String departmentId,
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull ProfileInput input) {
        return DepartmentResponse.of(service.updateProfile(caller, departmentId, input));
    }
}
