import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';

/** The department-year sheet every section of 预算与支出 and 单位情况 reads. */
export function useSheet(departmentId: string, fiscalYear: number) {
  const client = useApiClient();
  return useQuery({
    queryKey: queryKeys.sheet(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.sheet(client, departmentId, fiscalYear, signal),
  });
}
