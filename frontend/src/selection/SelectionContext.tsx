import { createContext, useContext } from 'react';
import type { Department } from '../api/types';

export interface SelectionState {
  departmentId?: string;
  department?: Department;
  fiscalYear: number;
  departments: readonly Department[];
  departmentsLoading: boolean;
  departmentsError: unknown;
  /** A department user's URL names another department: pages show 403 instead of that data. */
  refusedDepartmentId?: string;
  setDepartment(departmentId: string): void;
  setFiscalYear(year: number): void;
  /** A path with the current ?dept=&year= appended, for links that keep the selection. */
  linkTo(path: string): string;
}

export const SelectionContext = createContext<SelectionState | null>(null);

export function useSelection(): SelectionState {
  const state = useContext(SelectionContext);
  if (!state) {
    throw new Error('useSelection must be used inside <SelectionProvider>');
  }
  return state;
}
