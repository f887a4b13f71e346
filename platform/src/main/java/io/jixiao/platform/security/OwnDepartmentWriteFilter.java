package io.jixiao.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link OwnDepartmentWrite}: the caller must be a user of the path's department. */
@Provider
@OwnDepartmentWrite
@Priority(Priorities.AUTHORIZATION)
public class OwnDepartmentWriteFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String departmentId = request.getUriInfo().getPathParameters().getFirst("departmentId");
        if (departmentId != null) {
            caller.checkWrite(departmentId);
        }
    }
}
