import type { DecimalValue, ScoreItem, SelfScoreTier } from '../../api/types';
import { compareDecimals, decimalPlaces, isDecimal, roundHalfUp, subtractDecimals, sumDecimals } from '../../lib/decimal';
import { normalizeAmountInput } from '../../lib/amountInput';
import { decimalText } from '../goals/goals';

/** A score or points value as a 2-decimal string ("1.80"); "—" when absent. */
export function formatScore(value: DecimalValue | null | undefined): string {
  const text = decimalText(value);
  return isDecimal(text) ? roundHalfUp(text, 2) : '—';
}

/** The score that counts: the bureau's adjusted score when there is one, else the rule's or self-score. */
export function finalScore(item: ScoreItem): string {
  const adjusted = decimalText(item.adjustedScore);
  return isDecimal(adjusted) ? adjusted : decimalText(item.score) || '0';
}

/** Points not obtained (points − final score), 2 decimals; "0.00" for full marks. */
export function lostPoints(item: ScoreItem): string {
  return roundHalfUp(subtractDecimals(decimalText(item.points) || '0', finalScore(item)), 2);
}

/** The items with the template's English names in place of the Chinese ones, for the English UI. */
export function localizedItems(items: readonly ScoreItem[], language: string): ScoreItem[] {
  if (!language.startsWith('en')) return [...items];
  return items.map((item) => ({
    ...item,
    name: item.nameEn || item.name,
    level1: item.level1En || item.level1,
    level2: item.level2En || item.level2,
  }));
}

export function isQualitative(item: ScoreItem): boolean {
  return item.ruleKind === 'qualitative';
}

export interface Level1Summary {
  level1: string;
  points: string;
  score: string;
  /** score / points in percent (2 decimals), null for no points. */
  share: number | null;
}

/** Points and final score per 一级 indicator, in the template's order. */
export function level1Summaries(items: readonly ScoreItem[]): Level1Summary[] {
  const order: string[] = [];
  const points = new Map<string, string[]>();
  const scores = new Map<string, string[]>();
  for (const item of items) {
    if (!points.has(item.level1)) {
      order.push(item.level1);
      points.set(item.level1, []);
      scores.set(item.level1, []);
    }
    points.get(item.level1)!.push(decimalText(item.points) || '0');
    scores.get(item.level1)!.push(finalScore(item));
  }
  return order.map((level1) => {
    const p = roundHalfUp(sumDecimals(points.get(level1)!), 2);
    const s = roundHalfUp(sumDecimals(scores.get(level1)!), 2);
    const share = compareDecimals(p, '0') > 0 ? Math.round((Number(s) / Number(p)) * 10000) / 100 : null;
    return { level1, points: p, score: s, share };
  });
}

/** Row spans for the 一级 / 二级 columns of the score table (items come grouped in template order). */
export function rowSpans(items: readonly ScoreItem[]): { level1: number[]; level2: number[] } {
  const span = (key: (item: ScoreItem) => string) => {
    const spans = new Array<number>(items.length).fill(0);
    let start = 0;
    for (let i = 1; i <= items.length; i++) {
      if (i === items.length || key(items[i]!) !== key(items[start]!)) {
        spans[start] = i - start;
        start = i;
      }
    }
    return spans;
  };
  return { level1: span((item) => item.level1), level2: span((item) => `${item.level1}/${item.level2}`) };
}

export const TIERS: readonly SelfScoreTier[] = ['GOOD', 'FAIR', 'POOR'];

/** Share of the points each tier allows (EvaluationService.Tier): 好 80–100%, 中 60–80%, 差 0–60%. */
const TIER_SHARES: Record<SelfScoreTier, readonly [number, number]> = {
  GOOD: [80, 100],
  FAIR: [60, 80],
  POOR: [0, 60],
};

/** The score range of a tier for an indicator of `points`, as 2-decimal strings (exact: points × share). */
export function tierRange(tier: SelfScoreTier, points: DecimalValue): { low: string; high: string } {
  const p = decimalText(points) || '0';
  const [from, to] = TIER_SHARES[tier];
  const times = (percent: number) => roundHalfUp(multiplyByPercent(p, percent), 2);
  return { low: times(from), high: times(to) };
}

/** value × percent / 100 exactly (percent is an integer). */
function multiplyByPercent(value: string, percent: number): string {
  const scale = decimalPlaces(value);
  const units = BigInt(value.replace('.', '').replace(/^-/, '')) * BigInt(percent);
  const negative = value.startsWith('-');
  const digits = units.toString().padStart(scale + 3, '0');
  const cut = digits.length - (scale + 2);
  const text = `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/** The tier a score falls in (the highest tier whose range holds it), for pre-filling the form. */
export function tierOf(score: DecimalValue | null | undefined, points: DecimalValue): SelfScoreTier | undefined {
  const s = decimalText(score);
  if (!isDecimal(s)) return undefined;
  return TIERS.find((tier) => {
    const { low, high } = tierRange(tier, points);
    return compareDecimals(s, low) >= 0 && compareDecimals(s, high) <= 0;
  });
}

export type ScoreInputProblem = 'required' | 'format' | 'tooManyDecimals' | 'outsideTier' | 'abovePoints';

/** A score as typed: 0 or more, at most 2 decimals; within the tier (self-score) or up to the points (adjustment). */
export function checkScoreInput(
  raw: string | null | undefined,
  limits: { tier?: SelfScoreTier; points: DecimalValue },
): ScoreInputProblem | null {
  const value = normalizeAmountInput(raw);
  if (value === '') return 'required';
  if (!/^\d+(\.\d+)?$/.test(value)) return 'format';
  if (decimalPlaces(value) > 2) return 'tooManyDecimals';
  if (limits.tier) {
    const { low, high } = tierRange(limits.tier, limits.points);
    if (compareDecimals(value, low) < 0 || compareDecimals(value, high) > 0) return 'outsideTier';
  } else if (compareDecimals(value, decimalText(limits.points) || '0') > 0) {
    return 'abovePoints';
  }
  return null;
}

/** Antd tag colour of a grade (优 良 中 差). */
export function gradeColor(grade: string | null | undefined): string {
  switch (grade) {
    case '优':
      return 'success';
    case '良':
      return 'processing';
    case '中':
      return 'warning';
    case '差':
      return 'error';
    default:
      return 'default';
  }
}

/** Grades as the service names them → i18n key suffix. */
export const GRADE_KEYS: Record<string, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };
