package io.jixiao.platform.security;

import java.util.Optional;
import java.util.Set;

import io.jixiao.platform.problem.ProblemException;

/**
 * Who is acting, and the department rule every department-scoped read and write goes through:
 * a department user touches only the department in their token; bureau roles read all.
 * For a request it comes from the token (CallerProducer); loaders of demo data act as a system caller.
 */
public class Caller {

    public static final String DEPARTMENT_CLAIM = "department_id";

    private final String name;
    private final Set<String> roles;
    private final String departmentId;

    public Caller(String name, Set<String> roles, String departmentId) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.departmentId = roles.contains(Roles.DEPARTMENT) ? departmentId : null;
    }

    /** A non-human writer for one department (demo data loader). */
    public static Caller system(String name, String departmentId) {
        return new Caller(name, Set.of(Roles.DEPARTMENT), departmentId);
    }

    public String name() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<String> departmentId() {
        return Optional.ofNullable(departmentId);
    }

    public boolean readsAllDepartments() {
        return roles.contains(Roles.FINANCE_REVIEWER) || roles.contains(Roles.FINANCE_API) || roles.contains(Roles.ADMIN);
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
        return this.departmentId != null && this.departmentId.equals(departmentId);
    }
}
