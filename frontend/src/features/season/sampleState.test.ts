// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Review } from '../../api/sample';
import { beyondTier, deviation, drawValid, draftsOf, outcome, preview, reviewInput, scoreValid, wan } from './sampleState';

const review: Review = {
  roundId: 1,
  departmentId: 'd1',
  departmentName: '示例区教育局',
  fiscalYear: 2020,
  items: [
    { code: 'a', level1: '投入', level2: '预算配置', name: '在职人员控制率', points: '3', tier: '0.60', selfScore: '3.00', score: null, deviation: null, flagged: false, comment: null },
    { code: 'b', level1: '效果', level2: '履职效益', name: '社会效益', points: '8', tier: '1.60', selfScore: '8.00', score: null, deviation: null, flagged: false, comment: null },
  ],
  findings: null,
  selfTotal: '11.00',
  reviewTotal: null,
  deviation: null,
  threshold: '10',
  flagged: false,
  reasons: [],
  reviewedBy: null,
  reviewedAt: null,
  version: null,
};

describe('the re-review form', () => {
  it('computes self − re-review exactly, with two decimals', () => {
    expect(deviation('8.00', 4.5)).toBe('3.50');
    expect(deviation('0.10', 0.3)).toBe('-0.20');
    expect(deviation('8.00', null)).toBeNull();
  });

  it('flags an indicator only beyond its tier', () => {
    expect(beyondTier('1.60', '1.60')).toBe(false);
    expect(beyondTier('-1.61', '1.60')).toBe(true);
    expect(beyondTier(null, '1.60')).toBe(false);
  });

  it('takes scores from 0 to the points with at most two decimals', () => {
    expect(scoreValid(0, '3')).toBe(true);
    expect(scoreValid(3, '3')).toBe(true);
    expect(scoreValid(3.01, '3')).toBe(false);
    expect(scoreValid(-0.5, '3')).toBe(false);
    expect(scoreValid(1.005, '3')).toBe(false);
    expect(scoreValid(null, '3')).toBe(false);
  });

  it('previews the totals and the flag once every indicator has a valid score', () => {
    const drafts = draftsOf(review);
    expect(preview(review, drafts).complete).toBe(false);
    drafts.a = { score: 3, comment: '' };
    drafts.b = { score: 7, comment: '' };
    expect(preview(review, drafts)).toEqual({ complete: true, reviewTotal: '10.00', totalDeviation: '1.00', flagged: false });
    drafts.b = { score: 6, comment: '' }; // 2.00 beyond the tier of 1.60
    expect(preview(review, drafts).flagged).toBe(true);
    drafts.b = { score: 9, comment: '' }; // above the points: not complete, never flagged
    expect(preview(review, drafts)).toMatchObject({ complete: false, flagged: false });
  });

  it('sends every indicator with trimmed comments and the version read', () => {
    const drafts = { a: { score: 2.5, comment: '  借调人员未计入。 ' }, b: { score: 8, comment: ' ' } };
    expect(reviewInput({ ...review, version: 3 }, drafts, ' 依据不足 ')).toEqual({
      items: [{ code: 'a', score: 2.5, comment: '借调人员未计入。' }, { code: 'b', score: 8, comment: null }],
      findings: '依据不足',
      version: 3,
    });
  });

  it('starts from the saved scores after a save', () => {
    const saved = { ...review, items: review.items.map((i) => ({ ...i, score: '1.50', comment: '意见' })), version: 1 };
    expect(draftsOf(saved).a).toEqual({ score: 1.5, comment: '意见' });
  });
});

describe('the draw and the sample list', () => {
  it('accepts a percentage in (0, 100], a whole minimum and an empty or whole seed', () => {
    expect(drawValid(20, 3, '')).toBe(true);
    expect(drawValid(20, 3, ' 42 ')).toBe(true);
    expect(drawValid(0, 3, '')).toBe(false);
    expect(drawValid(101, 3, '')).toBe(false);
    expect(drawValid(20, 0, '')).toBe(false);
    expect(drawValid(20, 1.5, '')).toBe(false);
    expect(drawValid(20, 3, '4.2')).toBe(false);
    expect(drawValid(null, 3, '')).toBe(false);
  });

  it('names the outcome of a sampled department', () => {
    expect(outcome({ reviewed: false, flagged: null }).key).toBe('season.sample.outcome.pending');
    expect(outcome({ reviewed: true, flagged: true })).toEqual({ key: 'season.sample.outcome.flagged', color: 'error' });
    expect(outcome({ reviewed: true, flagged: false }).color).toBe('success');
  });

  it('shows budgets in 万元 with two decimals', () => {
    expect(wan('63788000.00')).toBe('6378.80');
    expect(wan(null)).toBe('—');
  });
});
