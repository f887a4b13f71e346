import type { Department } from '../api/types';
import { isDepartmentUser, type AppUser } from '../auth/user';
import { appConfig, fiscalYearRange } from '../config';

export const DEPARTMENT_PARAM = 'dept';
export const YEAR_PARAM = 'year';

export interface ResolvedSelection {
  /** Undefined while the department list is loading, or when none is available. */
  departmentId?: string;
  fiscalYear: number;
  /**
   * The URL names another department than the user's own (a department user typed or followed a
   * link to someone else's data): the page is refused, not silently switched.
   */
  refusedDepartmentId?: string;
}

/**
 * Which department and fiscal year a page works on, from the URL's ?dept=&year= and the user.
 * A department user always gets their own department (the URL cannot point elsewhere); bureau
 * users get the department named in the URL when it exists, else the first one.
 */
export function resolveSelection(
  user: AppUser,
  departments: readonly Department[] | undefined,
  params: URLSearchParams,
  now: Date = new Date(),
): ResolvedSelection {
  const years = fiscalYearRange(now);
  const requestedYear = Number(params.get(YEAR_PARAM));
  const fiscalYear = years.includes(requestedYear) ? requestedYear : appConfig.fiscalYear.default;

  if (isDepartmentUser(user)) {
    const requested = params.get(DEPARTMENT_PARAM);
    const refused = requested !== null && requested !== '' && requested !== user.departmentId ? requested : undefined;
    return { departmentId: user.departmentId, fiscalYear, refusedDepartmentId: refused };
  }
  if (!departments || departments.length === 0) {
    return { departmentId: undefined, fiscalYear };
  }
  const requested = params.get(DEPARTMENT_PARAM);
  const match = departments.find((department) => department.id === requested);
  return { departmentId: (match ?? departments[0])?.id, fiscalYear };
}
