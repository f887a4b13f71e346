package io.jixiao.platform.security;

import java.util.Optional;

import io.jixiao.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and the department rule every department-scoped read and write goes through:
 * a department user touches only the department in their token; bureau roles read all.
 */
@RequestScoped
public class Caller {

    public static final String DEPARTMENT_CLAIM = "department_id";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        String preferred = token == null ? null : token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Optional<String> departmentId() {
        if (!identity.hasRole(Roles.DEPARTMENT) || token == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(DEPARTMENT_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString());
    }

    public boolean readsAllDepartments() {
        return identity.hasRole(Roles.FINANCE_REVIEWER) || identity.hasRole(Roles.FINANCE_API)
                || identity.hasRole(Roles.ADMIN);
    }

    /** Reading a department's data: its own members, or the bureau. */
    public void checkRead(String departmentId) {
        if (readsAllDepartments() || ownDepartment(departmentId)) {
            return;
        }
        throw ProblemException.forbidden("department.forbidden");
    }

    /** Writing a department's figures: only its own members. */
    public void checkWrite(String departmentId) {
        if (!ownDepartment(departmentId)) {
            throw ProblemException.forbidden("department.forbidden");
        }
    }

    private boolean ownDepartment(String departmentId) {
        return departmentId().map(own -> own.equals(departmentId)).orElse(false);
    }
}
