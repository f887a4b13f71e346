// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sampleNarrative } from '../../test/sampleNarrative';
import {
  chineseNumber,
  isFormField,
  toFormValues,
  toNarrativeInput,
  unansweredProblems,
  withoutRefsTo,
  type NarrativeFormValues,
} from './narrativeForm';

const saved = sampleNarrative();

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

describe('narrative editor logic', () => {
  it('gives each problem a key and points each measure at its problem’s key', () => {
    const values = toFormValues(saved, keys());
    expect(values.problems.map((p) => p.key)).toEqual(['k1', 'k2']);
    expect(values.problems[0]).toEqual({ key: 'k1', text: '项目预算编制不够细化。', cause: '新增任务未能预见' });
    expect(values.problems[1]!.cause).toBe('');
    expect(values.measures.map((m) => m.problemRef)).toEqual(['k1', 'k2', undefined]);
  });

  it('sends the problems in their order and each measure’s problem as its number, also after a reorder', () => {
    const values = toFormValues(saved, keys());
    expect(toNarrativeInput(values, 4)).toEqual({
      goals: saved.goals,
      achievements: saved.achievements,
      problems: [
        { text: '项目预算编制不够细化。', cause: '新增任务未能预见' },
        { text: '超编 2 人。', cause: null },
      ],
      measures: [
        { text: '细化项目预算。', problemRef: 1 },
        { text: '逐步消化超编。', problemRef: 2 },
        { text: '旧文字转换来的措施。', problemRef: null },
      ],
      other: '无',
      version: 4,
    });
    // the two problems swap places: the measures keep answering the same problems, now numbered 2 and 1
    const swapped: NarrativeFormValues = { ...values, problems: [values.problems[1]!, values.problems[0]!] };
    expect(toNarrativeInput(swapped, 4).measures.map((m) => m.problemRef)).toEqual([2, 1, null]);
    expect(toNarrativeInput(swapped, 4).problems[0]!.text).toBe('超编 2 人。');
  });

  it('unlinks the measures of a removed problem, and sends them unlinked for the server to name', () => {
    const values = toFormValues(saved, keys());
    const problems = values.problems.filter((p) => p.key !== 'k1');
    const measures = withoutRefsTo(values.measures, 'k1');
    expect(measures.map((m) => m.problemRef)).toEqual([undefined, 'k2', undefined]);
    expect(toNarrativeInput({ ...values, problems, measures }, 4).measures.map((m) => m.problemRef)).toEqual([null, 1, null]);
    // a key no problem has any more (removed without unlinking) is sent as null too, never as a wrong number
    expect(toNarrativeInput({ ...values, problems }, 4).measures.map((m) => m.problemRef)).toEqual([null, 1, null]);
  });

  it('lists the problems no measure answers', () => {
    const values = toFormValues(saved, keys());
    expect(unansweredProblems(values)).toEqual([]);
    expect(unansweredProblems({ ...values, measures: values.measures.slice(1) })).toEqual([0]);
    expect(unansweredProblems({ problems: values.problems, measures: [] })).toEqual([0, 1]);
  });

  it('places server errors on the item fields it shows', () => {
    expect(isFormField(['measures', 2, 'problemRef'])).toBe(true);
    expect(isFormField(['problems', 0, 'cause'])).toBe(true);
    expect(isFormField(['goals'])).toBe(true);
    expect(isFormField(['problems'])).toBe(false); // "too many items": shown in a notification
    expect(isFormField(['measures', 1, 'cause'])).toBe(false);
  });

  it('numbers items as the report does', () => {
    expect([1, 2, 10, 11, 19].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '十九']);
  });
});
