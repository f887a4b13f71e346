/** The logged-in user as the SPA sees it, read from the access token's claims. */

export const ROLES = {
  department: 'department',
  financeReviewer: 'finance-reviewer',
  financeApi: 'finance-api',
  admin: 'admin',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

export interface AppUser {
  username: string;
  displayName: string;
  roles: readonly string[];
  /** department_id claim (department users only). */
  departmentId?: string;
}

export interface TokenClaims {
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  department_id?: string;
  realm_access?: { roles?: string[] };
}

export function userFromClaims(claims: TokenClaims | undefined): AppUser {
  const username = claims?.preferred_username ?? '';
  const fullName =
    claims?.name?.trim() ||
    [claims?.family_name, claims?.given_name].filter((part) => part && part.trim()).join('') ||
    '';
  const departmentId = claims?.department_id?.trim();
  return {
    username,
    displayName: fullName || username,
    roles: claims?.realm_access?.roles ?? [],
    departmentId: departmentId ? departmentId : undefined,
  };
}

export function hasRole(user: AppUser, role: Role): boolean {
  return user.roles.includes(role);
}

/** Department users work on their own department only. */
export function isDepartmentUser(user: AppUser): boolean {
  return hasRole(user, ROLES.department) && !isBureauUser(user);
}

/** Finance-bureau staff and administrators see every department. */
export function isBureauUser(user: AppUser): boolean {
  return hasRole(user, ROLES.financeReviewer) || hasRole(user, ROLES.admin);
}

/**
 * Who may open a department's pages (单位情况, 预算与支出, 修改记录): the department itself, and
 * read-only the finance bureau, API clients and administrators (they read every department).
 */
export function canViewFigures(user: AppUser): boolean {
  return (
    hasRole(user, ROLES.department) ||
    hasRole(user, ROLES.financeReviewer) ||
    hasRole(user, ROLES.financeApi) ||
    hasRole(user, ROLES.admin)
  );
}

/** Only the department itself enters its figures and profile; everyone else reads them. */
export function canEditFigures(user: AppUser): boolean {
  return isDepartmentUser(user);
}

/** 全区概览 (all departments of a year, exports): the finance bureau and administrators. */
export function canViewOverview(user: AppUser): boolean {
  return isBureauUser(user);
}

/** Return, approve and adjust scores: finance-bureau reviewers only (the services check the same). */
export function canReview(user: AppUser): boolean {
  return hasRole(user, ROLES.financeReviewer);
}

/** 检查器 (check any uploaded report): the finance bureau and administrators. */
export function canUseChecker(user: AppUser): boolean {
  return isBureauUser(user);
}

/** The page on machine access (API, OpenAPI): the bureau, API clients and administrators. */
export function canViewApiPage(user: AppUser): boolean {
  return isBureauUser(user) || hasRole(user, ROLES.financeApi);
}

/** 评价模板 (copy, edit, assign indicator templates): finance-bureau reviewers (the service checks the same). */
export function canManageTemplates(user: AppUser): boolean {
  return hasRole(user, ROLES.financeReviewer);
}

/** 批量生成报告 (every department's report of a year as a ZIP): reviewers and administrators. */
/** 年度自评工作 (open, extend, close a round): the finance reviewer. */
export function canManageRounds(user: AppUser): boolean {
  return hasRole(user, ROLES.financeReviewer);
}

export function canRunBatches(user: AppUser): boolean {
  return isBureauUser(user);
}

/** 单位开户 (a new department and its first user): administrators only. */
export function canOnboard(user: AppUser): boolean {
  return hasRole(user, ROLES.admin);
}
