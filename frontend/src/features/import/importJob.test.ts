// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ImportJob } from './importApi';
import { errorRows, isActive, jobOutcome, jobProgress, savedRows } from './importJob';

function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'job-1',
    departmentId: 'd1',
    fiscalYear: 2020,
    fileName: '2020年预算支出.xlsx',
    fileType: 'XLSX',
    fileBytes: 1234,
    state: 'QUEUED',
    phase: null,
    totalRows: null,
    processedRows: 0,
    percent: 0,
    errorCount: 0,
    errors: [],
    failure: null,
    summary: null,
    createdBy: 'zfw',
    createdAt: '2021-01-25T08:00:00Z',
    updatedAt: '2021-01-25T08:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

describe('import job progress', () => {
  it('is active while queued or running, not once finished', () => {
    expect(isActive(importJob({ state: 'QUEUED' }))).toBe(true);
    expect(isActive(importJob({ state: 'RUNNING' }))).toBe(true);
    for (const state of ['SUCCEEDED', 'FAILED', 'INTERRUPTED'] as const) {
      expect(isActive(importJob({ state }))).toBe(false);
    }
    expect(isActive(undefined)).toBe(false);
  });

  it('maps state and phase to the stage, the server percent and processed of total', () => {
    expect(jobProgress(importJob())).toEqual({ stage: 'queued', percent: 0, status: 'active', processed: 0, total: null });
    expect(
      jobProgress(importJob({ state: 'RUNNING', phase: 'VALIDATING', totalRows: 100000, processedRows: 42000, percent: 21 })),
    ).toEqual({ stage: 'validating', percent: 21, status: 'active', processed: 42000, total: 100000 });
    expect(
      jobProgress(importJob({ state: 'RUNNING', phase: 'SAVING', totalRows: 100000, processedRows: 42000, percent: 71 })),
    ).toMatchObject({ stage: 'saving', percent: 71, processed: 42000, total: 100000 });
    // totalRows is an estimate while validating: never show more processed than total.
    expect(jobProgress(importJob({ state: 'RUNNING', phase: 'VALIDATING', totalRows: 10, processedRows: 12, percent: 49 })).processed).toBe(10);
    // A percent out of range is clamped.
    expect(jobProgress(importJob({ state: 'RUNNING', phase: 'SAVING', percent: 140 })).percent).toBe(100);
  });

  it('finishes at 100%: success, or an exception bar for any failure', () => {
    expect(jobProgress(importJob({ state: 'SUCCEEDED', totalRows: 7, processedRows: 7, percent: 100 }))).toEqual({
      stage: 'succeeded',
      percent: 100,
      status: 'success',
      processed: 7,
      total: 7,
    });
    expect(jobProgress(importJob({ state: 'FAILED', percent: 100 }))).toMatchObject({ stage: 'failed', status: 'exception', percent: 100 });
    expect(jobProgress(importJob({ state: 'INTERRUPTED', percent: 100 }))).toMatchObject({ stage: 'failed', status: 'exception' });
  });
});

describe('import job outcome', () => {
  it('lists every row error in sheet order, then row, then column (A < B < AA), missing column first', () => {
    const rows = errorRows([
      { sheet: '支出明细', row: 7, column: 'F', header: '金额（元）', code: 'import.amount.negative', message: '金额不能为负数。' },
      { sheet: '支出明细', row: 7, column: 'AA', header: '备注', code: 'x', message: 'aa' },
      { sheet: '基本支出', row: 2, column: 'C', header: '实际支出（元）', code: 'import.required', message: '必填。' },
      { sheet: '项目支出', row: 3, column: null, header: '项目名称', code: 'import.header.missing', message: '缺少“项目名称”列' },
      { sheet: '支出明细', row: 5, column: 'B', header: '支付日期', code: 'import.date.invalid', message: '不是日期' },
    ]);
    expect(rows.map((row) => `${row.sheet}!${row.column ?? '-'}${row.row}`)).toEqual([
      '基本支出!C2',
      '项目支出!-3',
      '支出明细!B5',
      '支出明细!F7',
      '支出明细!AA7',
    ]);
    expect(rows[3]).toMatchObject({ header: '金额（元）', message: '金额不能为负数。' });
    expect(new Set(rows.map((row) => row.key)).size).toBe(5);
  });

  it('a file with row errors saved nothing and says how many of how many are listed', () => {
    const job = importJob({
      state: 'FAILED',
      percent: 100,
      errorCount: 812,
      errors: [{ sheet: '支出明细', row: 7, column: 'F', header: '金额（元）', code: 'import.amount.negative', message: '金额不能为负数。' }],
      failure: { code: 'import.invalid', message: '文件中有 812 处错误，未导入任何数据：请按错误列表修改后重新导入。' },
    });
    const outcome = jobOutcome(job);
    expect(outcome).toMatchObject({ kind: 'invalid', errorCount: 812, shown: 1 });
  });

  it('a locked year, an interrupted run and a finished import are told apart', () => {
    expect(
      jobOutcome(importJob({ state: 'FAILED', failure: { code: 'filing.locked', message: '2020 年度自评已提交，数据已锁定' } })),
    ).toEqual({ kind: 'locked', message: '2020 年度自评已提交，数据已锁定' });
    expect(
      jobOutcome(importJob({ state: 'INTERRUPTED', failure: { code: 'import.interrupted', message: '服务重启' } })),
    ).toEqual({ kind: 'failed', code: 'import.interrupted', message: '服务重启' });
    expect(jobOutcome(importJob({ state: 'RUNNING' }))).toEqual({ kind: 'running' });
    const summary = { basicChanged: true, projectsCreated: 2, projectsUpdated: 1, projectsUnchanged: 0, linesReplaced: 0, linesSaved: 40, linesTotal: '1234567.00', revision: 8 };
    expect(jobOutcome(importJob({ state: 'SUCCEEDED', totalRows: 43, processedRows: 43, summary }))).toEqual({
      kind: 'succeeded',
      rows: 43,
      summary,
    });
    expect(savedRows({ totalRows: null, processedRows: 5 })).toBe(5);
  });
});
