import type { Narrative } from '../../api/types';
import { newProblemKey, toFormValues, toNarrativeInput, type NarrativeFormValues } from './narrativeForm';

const NARRATIVE_PARTS = ['goals', 'achievements', 'problems', 'measures', 'other'] as const;

/**
 * The narrative form's unsaved input for a draft (auth/drafts.ts): null when it says the same as the
 * stored narrative. Compared as it would be sent (problem keys become numbers), so fresh keys alone
 * do not count as a change.
 */
export function unsavedNarrative(values: Partial<NarrativeFormValues> | undefined, narrative: Narrative): NarrativeFormValues | null {
  // Until the form holds every part, it is still being filled from the stored narrative (the watch
  // reports fields one by one): nothing can have been typed yet.
  if (!values || NARRATIVE_PARTS.some((part) => values[part] === undefined)) return null;
  const typed = { ...toFormValues(narrative), ...values } as NarrativeFormValues;
  const same = JSON.stringify(toNarrativeInput(typed, null)) === JSON.stringify(toNarrativeInput(toFormValues(narrative), null));
  return same ? null : typed;
}

/**
 * A restored draft with fresh problem keys (keys are unique only within one page load), each measure
 * still pointing at the same problem.
 */
export function rekeyNarrativeDraft(values: NarrativeFormValues, nextKey: () => string = newProblemKey): NarrativeFormValues {
  const renamed = new Map<string, string>();
  const problems = (values.problems ?? []).map((p) => {
    const key = nextKey();
    if (p?.key) renamed.set(p.key, key);
    return { key, text: p?.text ?? '', cause: p?.cause ?? '' };
  });
  return {
    goals: values.goals ?? '',
    achievements: values.achievements ?? '',
    problems,
    measures: (values.measures ?? []).map((m) => ({
      text: m?.text ?? '',
      problemRef: m?.problemRef !== undefined ? renamed.get(m.problemRef) : undefined,
    })),
    other: values.other ?? '',
  };
}
