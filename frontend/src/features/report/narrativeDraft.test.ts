// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Narrative } from '../../api/types';
import { toFormValues } from './narrativeForm';
import { rekeyNarrativeDraft, unsavedNarrative } from './narrativeDraft';

const narrative: Narrative = {
  goals: '保障平安望城建设。',
  achievements: '',
  problems: [
    { text: '支出进度偏慢。', cause: '项目启动晚。' },
    { text: '超编 2 人。', cause: null },
  ],
  measures: [{ text: '按月通报进度。', problemRef: 1 }],
  other: '',
  version: 3,
  updatedBy: 'zfw',
};

describe('narrative drafts', () => {
  it('counts only what would be sent differently, not fresh problem keys', () => {
    expect(unsavedNarrative(toFormValues(narrative), narrative)).toBeNull();
    expect(unsavedNarrative(undefined, narrative)).toBeNull();
    const typed = { ...toFormValues(narrative), other: '无。' };
    expect(unsavedNarrative(typed, narrative)).toMatchObject({ other: '无。' });
    // A measure moved to answer problem 2 is a change.
    const values = toFormValues(narrative);
    const moved = { ...values, measures: [{ text: '按月通报进度。', problemRef: values.problems[1]!.key }] };
    expect(unsavedNarrative(moved, narrative)).not.toBeNull();
  });

  it('ignores a form still being filled (some parts not there yet)', () => {
    const { measures: _notYet, ...partial } = toFormValues(narrative);
    expect(unsavedNarrative(partial, narrative)).toBeNull();
  });

  it('gives a restored draft fresh keys, each measure still answering its problem', () => {
    let n = 100;
    const draft = toFormValues(narrative, () => `old-${(n += 1)}`);
    draft.measures.push({ text: '清理超编。', problemRef: draft.problems[1]!.key }, { text: '未选择。', problemRef: undefined });
    let m = 0;
    const rekeyed = rekeyNarrativeDraft(draft, () => `new-${(m += 1)}`);
    expect(rekeyed.problems.map((p) => p.key)).toEqual(['new-1', 'new-2']);
    expect(rekeyed.measures.map((x) => x.problemRef)).toEqual(['new-1', 'new-2', undefined]);
    expect(rekeyed.problems[0]).toEqual({ key: 'new-1', text: '支出进度偏慢。', cause: '项目启动晚。' });
  });
});
