// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { overviewRows } from '../../test/sampleSheet';
import {
  chartBars,
  compareRates,
  lockedParam,
  nextPageParam,
  overviewState,
  pefaGrade,
  rateSorter,
  searchRows,
  sortByRate,
} from './overview';

describe('overview pagination state', () => {
  it('starts empty', () => {
    expect(overviewState(undefined)).toEqual({ rows: [], nextCursor: null, hasMore: false, pagesLoaded: 0 });
  });

  it('accumulates pages, follows the last cursor and ends when it is null', () => {
    const rows = overviewRows(['100.00', '95.00', '120.00', null, '80.00']);
    const first = { items: rows.slice(0, 2), nextCursor: 'MQ' };
    const second = { items: rows.slice(2, 4), nextCursor: 'Mw' };
    const third = { items: rows.slice(4), nextCursor: null };

    const afterOne = overviewState([first]);
    expect(afterOne.rows.map((row) => row.departmentId)).toEqual(['d1', 'd2']);
    expect(afterOne.hasMore).toBe(true);
    expect(nextPageParam(first)).toBe('MQ');

    const afterTwo = overviewState([first, second]);
    expect(afterTwo).toMatchObject({ nextCursor: 'Mw', hasMore: true, pagesLoaded: 2 });
    expect(afterTwo.rows).toHaveLength(4);

    const all = overviewState([first, second, third]);
    expect(all).toMatchObject({ nextCursor: null, hasMore: false, pagesLoaded: 3 });
    expect(all.rows).toHaveLength(5);
    expect(nextPageParam(third)).toBeUndefined();
  });

  it('never lists a department twice (a page re-fetched after an insert)', () => {
    const rows = overviewRows(['100.00', '95.00', '120.00']);
    const state = overviewState([
      { items: rows.slice(0, 2), nextCursor: 'x' },
      { items: rows.slice(1), nextCursor: null },
    ]);
    expect(state.rows.map((row) => row.departmentId)).toEqual(['d1', 'd2', 'd3']);
  });

  it('maps the filter to the locked parameter', () => {
    expect(lockedParam('all')).toBeUndefined();
    expect(lockedParam('locked')).toBe(true);
    expect(lockedParam('open')).toBe(false);
  });
});

describe('search and sort', () => {
  const rows = overviewRows(['100.00', '95.5', null, '120.00']);

  it('searches by name or code, ignoring spaces and full-width letters', () => {
    expect(searchRows(rows, '单位2').map((row) => row.departmentId)).toEqual(['d2']);
    expect(searchRows(rows, ' 测试 单位 ')).toHaveLength(4);
    expect(searchRows(rows, '402001').map((row) => row.departmentId)).toEqual(['d2']);
    expect(searchRows(rows, '')).toHaveLength(4);
  });

  it('sorts by rate exactly, missing rates last either way', () => {
    expect(sortByRate(rows, false).map((row) => row.executionRate)).toEqual(['95.5', '100.00', '120.00', null]);
    expect(sortByRate(rows, true).map((row) => row.executionRate)).toEqual(['120.00', '100.00', '95.5', null]);
    expect(compareRates({ executionRate: '9.99' }, { executionRate: '10.00' })).toBe(-1);
    // antd negates the sorter for descend: the missing rate must still end up last.
    const descend = [...rows].sort((a, b) => -rateSorter(a, b, 'descend'));
    expect(descend.map((row) => row.executionRate)).toEqual(['120.00', '100.00', '95.5', null]);
  });

  it('charts only departments with a rate, highest first, with their PEFA grade', () => {
    expect(chartBars(rows).map((bar) => [bar.label, bar.grade])).toEqual([
      ['120.00%', 'D'],
      ['100.00%', 'A'],
      ['95.5%', 'A'],
    ]);
    expect(pefaGrade('109.60')).toBe('B');
    expect(pefaGrade('114.99')).toBe('C');
    expect(pefaGrade('84.99')).toBe('D');
    expect(pefaGrade(null)).toBeNull();
  });
});
