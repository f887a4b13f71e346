// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { BatchProgress } from './batchApi';
import { batchView, pollInterval, runningJobId } from './batchState';

function progress(overrides: Partial<BatchProgress> = {}): BatchProgress {
  return {
    id: '0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10',
    fiscalYear: 2020,
    status: 'RUNNING',
    total: 7,
    done: 3,
    failed: 0,
    percent: 42.85,
    failures: [],
    requestedBy: 'reviewer',
    createdAt: '2026-11-26T02:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

describe('batch progress state', () => {
  it('runs with an active bar, no download, and polls', () => {
    const view = batchView(progress());
    expect(view).toEqual({ phase: 'running', percent: 42.85, processed: 3, barStatus: 'active', canDownload: false, running: true });
    expect(pollInterval(progress())).toBe(1000);
    expect(pollInterval(undefined)).toBe(1000);
  });

  it('is done with a download and stops polling', () => {
    const done = progress({ status: 'DONE', done: 7, percent: 100, finishedAt: '2026-11-26T02:01:00Z' });
    expect(batchView(done)).toMatchObject({ phase: 'done', percent: 100, barStatus: 'success', canDownload: true, running: false });
    expect(pollInterval(done)).toBe(false);
  });

  it('counts failures as processed and marks the bar', () => {
    const failures = [{ departmentId: 'd2', departmentName: '望城区教育局', message: '生成失败：IllegalStateException' }];
    const view = batchView(progress({ status: 'DONE', done: 6, failed: 1, percent: '100.00', failures }));
    expect(view).toMatchObject({ phase: 'doneWithFailures', processed: 7, percent: 100, barStatus: 'exception', canDownload: true });
  });

  it('has nothing to download when every department failed or the job was interrupted before one', () => {
    expect(batchView(progress({ status: 'DONE', done: 0, failed: 7, percent: 100 })).canDownload).toBe(false);
    expect(batchView(progress({ status: 'FAILED', done: 0, failed: 0, percent: 0 }))).toMatchObject({ phase: 'failed', canDownload: false });
    expect(batchView(progress({ status: 'FAILED', done: 2, percent: 28.57 }))).toMatchObject({ phase: 'failed', canDownload: true });
  });

  it('reads the percent as a number or a decimal string, computes it when absent, and never leaves 0–100', () => {
    expect(batchView(progress({ percent: '42.85' })).percent).toBe(42.85);
    expect(batchView(progress({ percent: 'x', done: 2, failed: 0, total: 3 })).percent).toBe(66.66);
    expect(batchView(progress({ percent: 130 })).percent).toBe(100);
  });

  it('reads the running job’s id from a 409 batch.running message', () => {
    const running = new ApiError({
      type: 'urn:jixiao:problem:batch.running',
      title: '数据冲突',
      status: 409,
      detail: '2020 年度已有批量生成任务正在进行（任务 0B6F3C52-4f7e-4d1e-9a51-0d7b3f0f6a10），请等待其完成后再发起。',
      errors: [],
    });
    expect(runningJobId(running)).toBe('0b6f3c52-4f7e-4d1e-9a51-0d7b3f0f6a10');
    expect(runningJobId(new ApiError({ ...running.problem, status: 404 }))).toBeNull();
    expect(runningJobId(new ApiError({ ...running.problem, detail: '无' }))).toBeNull();
  });
});
