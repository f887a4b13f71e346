/** The narrative editor's form logic (pure; the editor is NarrativeEditor.tsx). */
import type { Narrative, NarrativeInput } from '../../api/types';
import type { FieldPath } from '../../lib/fieldErrors';

/** A problem of 四 in the form: `key` stays with the item when it moves, so measures can point at it. */
export interface ProblemRow {
  key: string;
  text: string;
  cause: string;
}

/** A measure of 五 in the form: `problemRef` holds the key of the problem it answers (the number is sent). */
export interface MeasureRow {
  text: string;
  problemRef: string | undefined;
}

export interface NarrativeFormValues {
  goals: string;
  achievements: string;
  problems: ProblemRow[];
  measures: MeasureRow[];
  other: string;
}

/** The plain-text parts; problems and measures are lists. */
export const TEXT_FIELDS = ['goals', 'achievements', 'other'] as const;

let keySequence = 0;
/** A fresh problem key, unique in this page. */
export function newProblemKey(): string {
  keySequence += 1;
  return `problem-${keySequence}`;
}

/** The saved narrative as form values: each problem gets a key, each measure the key of the problem it answers. */
export function toFormValues(narrative: Narrative, nextKey: () => string = newProblemKey): NarrativeFormValues {
  const problems = (narrative.problems ?? []).map((p) => ({ key: nextKey(), text: p.text ?? '', cause: p.cause ?? '' }));
  return {
    goals: narrative.goals ?? '',
    achievements: narrative.achievements ?? '',
    problems,
    measures: (narrative.measures ?? []).map((m) => ({
      text: m.text ?? '',
      // a number outside the list (or none, on text converted from before the lists) selects nothing
      problemRef: m.problemRef != null ? problems[m.problemRef - 1]?.key : undefined,
    })),
    other: narrative.other ?? '',
  };
}

/**
 * What is sent: the problems in their current order, and each measure's problem as its 1-based number in
 * that order; a measure whose problem was removed (or never chosen) sends null and the server names it.
 */
export function toNarrativeInput(values: NarrativeFormValues, version: number | null): NarrativeInput {
  const problems = values.problems ?? [];
  const numberOf = new Map(problems.map((p, index) => [p.key, index + 1]));
  return {
    goals: values.goals ?? '',
    achievements: values.achievements ?? '',
    problems: problems.map((p) => ({ text: p.text ?? '', cause: p.cause?.trim() ? p.cause : null })),
    measures: (values.measures ?? []).map((m) => ({
      text: m.text ?? '',
      problemRef: (m.problemRef !== undefined ? numberOf.get(m.problemRef) : undefined) ?? null,
    })),
    other: values.other ?? '',
    version,
  };
}

/** The measures after a problem is removed: those that answered it answer nothing until chosen again. */
export function withoutRefsTo(measures: readonly MeasureRow[], problemKey: string): MeasureRow[] {
  return measures.map((m) => (m.problemRef === problemKey ? { ...m, problemRef: undefined } : m));
}

/** Indexes of the problems no measure answers (the report's checker warns about each). */
export function unansweredProblems(values: Pick<NarrativeFormValues, 'problems' | 'measures'>): number[] {
  const answered = new Set((values.measures ?? []).map((m) => m?.problemRef).filter(Boolean));
  return (values.problems ?? []).flatMap((p, index) => (p && answered.has(p.key) ? [] : [index]));
}

/** Whether a server field path names a field this form shows (text parts, or an item's text / cause / problemRef). */
export function isFormField(path: FieldPath): boolean {
  if (path.length === 1) return (TEXT_FIELDS as readonly unknown[]).includes(path[0]);
  if (path.length !== 3 || typeof path[1] !== 'number') return false;
  if (path[0] === 'problems') return path[2] === 'text' || path[2] === 'cause';
  if (path[0] === 'measures') return path[2] === 'text' || path[2] === 'problemRef';
  return false;
}

const NUMERALS = '一二三四五六七八九十';
/** 1 → 一 … 19 → 十九: the numbering of the report's items (四 and 五 go up to 19 items). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS.charAt(n - 1);
  return `十${NUMERALS.charAt(n - 11)}`;
}

export function excerpt(text: string | undefined, length = 24): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= length ? t : `${t.slice(0, length - 1)}…`;
}

/** Items of 四 and 五 (the report numbers them 1–19). */
export const MAX_ITEMS = 19;
