import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelForXp, levelProgress, xpForLevel } from './level.ts';

describe('xpForLevel', () => {
  it.each([
    [1, 0],
    [2, 50],
    [3, 150],
    [4, 300],
    [5, 500],
    [10, 2250],
  ])('level %i starts at %i XP', (level, xp) => {
    expect(xpForLevel(level)).toBe(xp);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses level %s', (level) => {
    expect(() => xpForLevel(level)).toThrow(RangeError);
  });
});

describe('levelForXp', () => {
  it.each([
    [0, 1],
    [49, 1],
    [50, 2],
    [149, 2],
    [150, 3],
    [299, 3],
    [300, 4],
  ])('%i XP is level %i', (xp, level) => {
    expect(levelForXp(xp)).toBe(level);
  });

  it.each([-1, Number.POSITIVE_INFINITY, Number.NaN])('refuses xp %s', (xp) => {
    expect(() => levelForXp(xp)).toThrow(RangeError);
  });

  it('is the inverse of xpForLevel at every level boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (level) => {
        const start = xpForLevel(level);
        expect(levelForXp(start)).toBe(level);
        if (start > 0) expect(levelForXp(start - 1)).toBe(level - 1);
      }),
    );
  });

  it('places any XP between its level floor and the next level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (xp) => {
        const level = levelForXp(xp);
        expect(xpForLevel(level)).toBeLessThanOrEqual(xp);
        expect(xpForLevel(level + 1)).toBeGreaterThan(xp);
      }),
    );
  });

  it('never decreases as XP grows', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000), (xp, more) => {
        expect(levelForXp(xp + more)).toBeGreaterThanOrEqual(levelForXp(xp));
      }),
    );
  });
});

describe('levelProgress', () => {
  it('reports progress within the current level', () => {
    expect(levelProgress(0)).toEqual({ level: 1, xp: 0, xpIntoLevel: 0, xpForNextLevel: 50 });
    expect(levelProgress(175)).toEqual({ level: 3, xp: 175, xpIntoLevel: 25, xpForNextLevel: 150 });
  });
});
