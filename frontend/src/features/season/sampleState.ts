import type { Review, ReviewInput, SampleMember, SizeBand } from '../../api/sample';
import { compareDecimals, decimalPlaces, subtractDecimals, sumDecimals, yuanToWan } from '../../lib/decimal';

/** One row of the re-review form as typed: the score (null: not yet given) and the comment. */
export interface ReviewDraft {
  score: number | null;
  comment: string;
}

/** The form's rows from a review read from the service: the saved scores, or empty before the first save. */
export function draftsOf(review: Review): Record<string, ReviewDraft> {
  const out: Record<string, ReviewDraft> = {};
  for (const i of review.items) {
    out[i.code] = { score: i.score === null ? null : Number(i.score), comment: i.comment ?? '' };
  }
  return out;
}

/** The row of one indicator (empty when none was typed yet). */
export function draftOf(drafts: Record<string, ReviewDraft>, code: string): ReviewDraft {
  return drafts[code] ?? { score: null, comment: '' };
}

/** The typed score as a decimal string (InputNumber gives a number). */
function text(score: number): string {
  return String(score);
}

/** self − re-review, with two decimals, as the service computes it; null while the score is missing. */
export function deviation(selfScore: string, score: number | null): string | null {
  if (score === null || Number.isNaN(score)) return null;
  return subtractDecimals(selfScore, text(score));
}

function abs(d: string): string {
  return d.startsWith('-') ? d.slice(1) : d;
}

/** An indicator beyond its tier (20 % of its points): |deviation| > tier. */
export function beyondTier(dev: string | null, tier: string): boolean {
  return dev !== null && compareDecimals(abs(dev), tier) > 0;
}

/** A score the service takes: 0 ≤ score ≤ points with at most two decimals. */
export function scoreValid(score: number | null, points: string): boolean {
  if (score === null || !Number.isFinite(score)) return false;
  return score >= 0 && decimalPlaces(text(score)) <= 2 && compareDecimals(text(score), points) <= 0;
}

/** The live preview of the form: totals, total deviation and whether the department would be flagged. */
export function preview(review: Review, drafts: Record<string, ReviewDraft>) {
  const scores: string[] = [];
  let anyBeyond = false;
  for (const i of review.items) {
    const d = drafts[i.code];
    if (!d || !scoreValid(d.score, i.points)) continue;
    scores.push(text(d.score as number));
    if (beyondTier(deviation(i.selfScore, d.score), i.tier)) anyBeyond = true;
  }
  const complete = scores.length === review.items.length;
  const reviewTotal = complete ? sumDecimals(scores) : null;
  const totalDeviation = reviewTotal !== null && review.selfTotal !== null ? subtractDecimals(review.selfTotal, reviewTotal) : null;
  const totalBeyond = totalDeviation !== null && compareDecimals(abs(totalDeviation), review.threshold) > 0;
  return { complete, reviewTotal, totalDeviation, flagged: complete && (totalBeyond || anyBeyond) };
}

/** The body of PUT …/reviews/{departmentId}; only called once preview(...).complete. */
export function reviewInput(review: Review, drafts: Record<string, ReviewDraft>, findings: string): ReviewInput {
  return {
    items: review.items.map((i) => {
      const d = draftOf(drafts, i.code);
      return { code: i.code, score: d.score as number, comment: d.comment.trim() === '' ? null : d.comment.trim() };
    }),
    findings: findings.trim(),
    version: review.version,
  };
}

/** The draw form: 0 < percentage ≤ 100, minimum a whole number ≥ 1, seed empty or a whole number. */
export function drawValid(percentage: number | null, minimum: number | null, seed: string): boolean {
  return (
    percentage !== null && percentage > 0 && percentage <= 100 &&
    minimum !== null && Number.isInteger(minimum) && minimum >= 1 &&
    (seed.trim() === '' || /^-?\d{1,18}$/.test(seed.trim()))
  );
}

/** The i18n key of a sampled department's outcome tag, and its colour. */
export function outcome(m: Pick<SampleMember, 'reviewed' | 'flagged'>): { key: string; color: string } {
  if (!m.reviewed) return { key: 'season.sample.outcome.pending', color: 'default' };
  return m.flagged ? { key: 'season.sample.outcome.flagged', color: 'error' } : { key: 'season.sample.outcome.ok', color: 'success' };
}

/** 元 → 万元 with two decimals; — without figures. */
export function wan(yuan: string | null): string {
  return yuan === null ? '—' : yuanToWan(yuan, 2);
}

export const SIZE_BANDS: readonly SizeBand[] = ['SMALL', 'MEDIUM', 'LARGE', 'NONE'];
