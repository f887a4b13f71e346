import type { Narrative } from '../api/types';

/** A saved narrative with two problems, three measures (one converted from old text, unlinked). */
export function sampleNarrative(): Narrative {
  return {
    goals: '年初设定矛盾纠纷化解率不低于 95% 的目标。',
    achievements: '化解率达 97%。',
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
    updatedBy: 'zfw',
  };
}
