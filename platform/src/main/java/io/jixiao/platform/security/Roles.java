package io.jixiao.platform.security;

/** Realm roles (deploy/keycloak/realm-jixiao.json). */
public final class Roles {
    /** 预算单位 user: member of exactly one department (token claim department_id). */
    public static final String DEPARTMENT = "department";
    /** 财政局 staff: reads all, reviews, returns, approves, edits templates. */
    public static final String FINANCE_REVIEWER = "finance-reviewer";
    /** Machine clients of the bureau: read-only, all departments. */
    public static final String FINANCE_API = "finance-api";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
