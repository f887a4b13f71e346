// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { departments } from '../test/fakeApi';
import { resolveSelection } from './resolveSelection';

const now = new Date('2026-03-01T00:00:00Z');
const own = departments[0]!.id;
const other = departments[1]!.id;

describe('resolveSelection', () => {
  it('defaults to 2020 and rejects years out of 2018..current', () => {
    const user = { username: 'r', displayName: 'r', roles: ['finance-reviewer'] };
    expect(resolveSelection(user, departments, new URLSearchParams(''), now).fiscalYear).toBe(2020);
    expect(resolveSelection(user, departments, new URLSearchParams('year=2017'), now).fiscalYear).toBe(2020);
    expect(resolveSelection(user, departments, new URLSearchParams('year=2027'), now).fiscalYear).toBe(2020);
    expect(resolveSelection(user, departments, new URLSearchParams('year=2026'), now).fiscalYear).toBe(2026);
  });

  it('pins department users to their own department', () => {
    const user = { username: 'zfw', displayName: 'zfw', roles: ['department'], departmentId: own };
    expect(resolveSelection(user, departments, new URLSearchParams(`dept=${other}`), now).departmentId).toBe(own);
    expect(resolveSelection(user, undefined, new URLSearchParams(''), now).departmentId).toBe(own);
  });

  it('lets reviewers choose, falling back to the first department', () => {
    const user = { username: 'r', displayName: 'r', roles: ['finance-reviewer'] };
    expect(resolveSelection(user, departments, new URLSearchParams(`dept=${other}`), now).departmentId).toBe(other);
    expect(resolveSelection(user, departments, new URLSearchParams('dept=unknown'), now).departmentId).toBe(own);
    expect(resolveSelection(user, undefined, new URLSearchParams(''), now).departmentId).toBeUndefined();
  });
});
