/** Shapes of the slice endpoints (docs/contracts.md). Money: 元 decimal strings; rates: percent strings. */

export interface Department {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
}

export interface BasicExpenditure {
  departmentId: string;
  fiscalYear: number;
  budget: string;
  actual: string;
  variance: string;
  executionRate: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface BasicExpenditureUpdate {
  budget: string;
  actual: string;
  version: number | null;
}

export interface AuditEntry {
  at: string;
  actor: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  version: number;
}

export interface IndicatorInput {
  name: string;
  value: string | null;
  source: string;
}

export interface IndicatorValue {
  code: string;
  name: string;
  nameEn: string;
  value: string | null;
  unit: string;
  formula: string;
  inputs: IndicatorInput[];
  missing: boolean;
}

export interface Evaluation {
  departmentId: string;
  fiscalYear: number;
  sourceVersion: number;
  indicators: IndicatorValue[];
}

export interface ReportSectionFigures {
  budgetWan: string;
  actualWan: string;
  varianceWan: string;
  rate: string;
}

export interface ReportSection {
  departmentId: string;
  fiscalYear: number;
  sourceVersion: number;
  heading: string;
  paragraphs: string[];
  figures: ReportSectionFigures;
}
