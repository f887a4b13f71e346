import type { ApiError } from '../../api/problem';
import type { BatchProgress } from './batchApi';

/**
 * What a batch's progress means for the screen: the phase, the bar, whether the ZIP can be fetched;
 * and the short list of batches this browser started (the service has no list of batches).
 */

export type BatchPhase = 'running' | 'done' | 'doneWithFailures' | 'failed';

export interface BatchView {
  phase: BatchPhase;
  /** 0–100 for the bar (the service's figure, else computed; never above 100). */
  percent: number;
  /** done + failed. */
  processed: number;
  /** The antd Progress status. */
  barStatus: 'active' | 'success' | 'exception' | 'normal';
  /** Finished with at least one report generated. */
  canDownload: boolean;
  running: boolean;
}

function percentOf(progress: BatchProgress): number {
  const given = typeof progress.percent === 'string' ? Number(progress.percent) : progress.percent;
  const value = Number.isFinite(given)
    ? given
    : progress.total > 0
      ? Math.floor(((progress.done + progress.failed) * 10000) / progress.total) / 100
      : 100;
  return Math.min(100, Math.max(0, value));
}

export function batchView(progress: BatchProgress): BatchView {
  const processed = progress.done + progress.failed;
  const running = progress.status === 'RUNNING';
  const phase: BatchPhase = running
    ? 'running'
    : progress.status === 'FAILED'
      ? 'failed'
      : progress.failed > 0
        ? 'doneWithFailures'
        : 'done';
  return {
    phase,
    percent: percentOf(progress),
    processed,
    barStatus: phase === 'running' ? 'active' : phase === 'done' ? 'success' : 'exception',
    canDownload: !running && progress.done > 0,
    running,
  };
}

/** Poll every second while the job runs; stop when it is finished. */
export function pollInterval(progress: BatchProgress | undefined, intervalMs = 1000): number | false {
  return progress === undefined || progress.status === 'RUNNING' ? intervalMs : false;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The running job a 409 batch.running names: the service states its id only in the message
 * ("… 已有批量生成任务正在进行（任务 <uuid>）…"), so it is read from there.
 */
export function runningJobId(error: ApiError): string | null {
  if (error.status !== 409) return null;
  const match = UUID.exec(error.problem.detail ?? '') ?? UUID.exec(error.problem.title);
  return match ? match[0].toLowerCase() : null;
}
