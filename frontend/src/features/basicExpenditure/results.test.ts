// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pollDelay } from './results';

describe('pollDelay', () => {
  it('asks again soon after the save, then at half the time waited, at most every maxMs', () => {
    expect(pollDelay(0, 1000)).toBe(50);
    expect(pollDelay(80, 1000)).toBe(50);
    expect(pollDelay(300, 1000)).toBe(150);
    expect(pollDelay(1500, 1000)).toBe(750);
    expect(pollDelay(5000, 1000)).toBe(1000);
    expect(pollDelay(0, 20)).toBe(20);
  });
});
