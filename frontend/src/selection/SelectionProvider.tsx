import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../api/ApiContext';
import { api, queryKeys } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { DEPARTMENT_PARAM, YEAR_PARAM, resolveSelection } from './resolveSelection';
import { SelectionContext, type SelectionState } from './SelectionContext';

/** Keeps the chosen department and fiscal year in the URL (?dept=&year=), so links can be shared. */
export function SelectionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();

  const departmentsQuery = useQuery({
    queryKey: queryKeys.departments,
    queryFn: ({ signal }) => api.departments(client, signal),
    staleTime: 5 * 60_000,
  });
  const departments = useMemo(() => departmentsQuery.data ?? [], [departmentsQuery.data]);

  const resolved = resolveSelection(user, departmentsQuery.data, params);

  // Write the effective selection back to the URL (replacing an invalid or foreign department).
  useEffect(() => {
    if (resolved.refusedDepartmentId) {
      // Leave the URL as typed: the page explains the refusal and offers the user's own department.
      return;
    }
    const wantDepartment = resolved.departmentId ?? null;
    const wantYear = String(resolved.fiscalYear);
    if (
      (wantDepartment !== null && params.get(DEPARTMENT_PARAM) !== wantDepartment) ||
      params.get(YEAR_PARAM) !== wantYear
    ) {
      const next = new URLSearchParams(params);
      if (wantDepartment !== null) {
        next.set(DEPARTMENT_PARAM, wantDepartment);
      }
      next.set(YEAR_PARAM, wantYear);
      setParams(next, { replace: true });
    }
  }, [params, resolved.departmentId, resolved.fiscalYear, resolved.refusedDepartmentId, setParams]);

  const update = useCallback(
    (key: string, value: string) => {
      const next = new URLSearchParams(params);
      next.set(key, value);
      setParams(next);
    },
    [params, setParams],
  );

  const state: SelectionState = {
    departmentId: resolved.departmentId,
    department: departments.find((department) => department.id === resolved.departmentId),
    fiscalYear: resolved.fiscalYear,
    departments,
    departmentsLoading: departmentsQuery.isPending,
    departmentsError: departmentsQuery.error,
    refusedDepartmentId: resolved.refusedDepartmentId,
    setDepartment: (departmentId) => update(DEPARTMENT_PARAM, departmentId),
    setFiscalYear: (year) => update(YEAR_PARAM, String(year)),
    linkTo: (path) => {
      const search = new URLSearchParams();
      if (resolved.departmentId) {
        search.set(DEPARTMENT_PARAM, resolved.departmentId);
      }
      search.set(YEAR_PARAM, String(resolved.fiscalYear));
      return `${path}?${search.toString()}`;
    },
  };

  return <SelectionContext.Provider value={state}>{children}</SelectionContext.Provider>;
}
