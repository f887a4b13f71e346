// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ScoreItem } from '../../api/types';
import { budgetVsActual, scoreTrend } from './charts';
import {
  checkScoreInput,
  finalScore,
  formatScore,
  level1Summaries,
  localizedItems,
  lostPoints,
  rowSpans,
  tierOf,
  tierRange,
} from './scoreCard';
import { scoreCard, scoreItem } from '../../test/fakeYear';
import { sampleSheet } from '../../test/sampleSheet';

const item = (over: Partial<ScoreItem>): ScoreItem => scoreItem({ ruleText: null, ...over });

describe('score card logic', () => {
  it('counts the adjusted score when there is one, and the points lost', () => {
    const self = item({ score: 1.8, status: 'SELF_SCORED' });
    expect(finalScore(self)).toBe('1.8');
    expect(lostPoints(self)).toBe('0.20');
    const adjusted = { ...self, adjustedScore: 1.6, adjustment: '按 80% 计' };
    expect(finalScore(adjusted)).toBe('1.6');
    expect(lostPoints(adjusted)).toBe('0.40');
    expect(lostPoints(item({ points: 3, score: 3 }))).toBe('0.00');
    expect(formatScore(6.82)).toBe('6.82');
    expect(formatScore(null)).toBe('—');
  });

  it('sums points and final scores per 一级 in template order, and spans the grouped columns', () => {
    const items = [
      item({ code: 'a', score: 1.8 }),
      item({ code: 'b', level2: '预算配置', points: 3, score: 0, adjustedScore: 1 }),
      item({ code: 'c', level1: '产出', level2: '职责履行', points: 10, score: 8.5 }),
    ];
    expect(level1Summaries(items)).toEqual([
      { level1: '投入', points: '5.00', score: '2.80', share: 56 },
      { level1: '产出', points: '10.00', score: '8.50', share: 85 },
    ]);
    expect(rowSpans(items)).toEqual({ level1: [2, 0, 1], level2: [1, 1, 1] });
  });

  it('gives each tier its exact range and checks a self-score against it', () => {
    expect(tierRange('GOOD', 2)).toEqual({ low: '1.60', high: '2.00' });
    expect(tierRange('FAIR', 3)).toEqual({ low: '1.80', high: '2.40' });
    expect(tierRange('POOR', '8')).toEqual({ low: '0.00', high: '4.80' });
    expect(tierOf(1.8, 2)).toBe('GOOD');
    expect(tierOf(1.3, 2)).toBe('FAIR');
    expect(checkScoreInput('1.5', { tier: 'GOOD', points: 2 })).toBe('outsideTier');
    expect(checkScoreInput('1.8', { tier: 'GOOD', points: 2 })).toBeNull();
    expect(checkScoreInput('1.805', { tier: 'GOOD', points: 2 })).toBe('tooManyDecimals');
    expect(checkScoreInput('', { points: 2 })).toBe('required');
    expect(checkScoreInput('2.5', { points: 2 })).toBe('abovePoints');
    expect(checkScoreInput('x', { points: 2 })).toBe('format');
  });

  it('charts budget against actual per category in 万元, and the totals by year', () => {
    const bars = budgetVsActual(sampleSheet());
    expect(bars[0]).toEqual({ key: 'basic', budget: 637.88, actual: 699.13 });
    expect(bars.map((bar) => bar.key)).toContain('projects');
    expect(budgetVsActual(null)).toEqual([]);
    const card = (total: number) => ({ departmentId: 'd', fiscalYear: 0, sourceVersion: 1, revision: 1, indicators: [], score: scoreCard({ total, grade: '中' }) });
    expect(scoreTrend([{ year: 2020, evaluation: card(71.5) }, { year: 2019, evaluation: card(60) }, { year: 2018, evaluation: null }])).toEqual([
      { year: 2019, total: 60, grade: '中' },
      { year: 2020, total: 71.5, grade: '中' },
    ]);
  });

  it('shows the template\'s English names in the English UI, the Chinese ones otherwise', () => {
    const withEn = item({ nameEn: 'Soundness of the goals', level1En: 'Input', level2En: 'Goal setting' });
    const noEn = item({ code: 'x', name: '其他' });
    expect(localizedItems([withEn, noEn], 'en').map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['Input', 'Goal setting', 'Soundness of the goals'],
      ['投入', '目标设定', '其他'],
    ]);
    expect(localizedItems([withEn], 'zh-CN')[0]?.name).toBe('绩效目标合理性');
  });
});
