import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAILY_XP_GOALS } from '../../identity/universal/account.ts';
import { dailyGoalProgress, isDailyGoalMet } from './daily-goal.ts';

describe('isDailyGoalMet', () => {
  it.each([
    [0, 10, false],
    [9, 10, false],
    [10, 10, true],
    [11, 10, true],
    [19, 20, false],
    [20, 20, true],
    [29, 30, false],
    [30, 30, true],
    [49, 50, false],
    [50, 50, true],
    [500, 50, true],
  ])('%i XP against a goal of %i: %s', (xp, goal, met) => {
    expect(isDailyGoalMet(xp, goal)).toBe(met);
  });

  it.each([
    [-1, 10],
    [1.5, 10],
    [Number.NaN, 10],
    [10, 15],
    [10, 0],
  ])('refuses %s XP against a goal of %s', (xp, goal) => {
    expect(() => isDailyGoalMet(xp, goal)).toThrow(RangeError);
  });

  it('is met exactly when the XP reaches the goal, as the database checks it', () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.constantFrom(...DAILY_XP_GOALS), (xp, goal) => {
        expect(isDailyGoalMet(xp, goal)).toBe(xp >= goal);
      }),
    );
  });
});

describe('dailyGoalProgress', () => {
  it.each([
    [0, 20, { met: false, remaining: 20, percent: 0 }],
    [7, 20, { met: false, remaining: 13, percent: 35 }],
    [19, 20, { met: false, remaining: 1, percent: 95 }],
    [20, 20, { met: true, remaining: 0, percent: 100 }],
    [35, 10, { met: true, remaining: 0, percent: 100 }],
    [1, 30, { met: false, remaining: 29, percent: 3 }],
  ])('%i XP of %i', (xp, goal, progress) => {
    expect(dailyGoalProgress(xp, goal)).toEqual({ xp, goal, ...progress });
  });

  it('never shows 100% before the goal is met, and grows with XP', () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.nat(100), fc.constantFrom(...DAILY_XP_GOALS), (xp, more, goal) => {
        const progress = dailyGoalProgress(xp, goal);
        expect(progress.percent === 100).toBe(progress.met);
        expect(progress.met).toBe(isDailyGoalMet(xp, goal));
        expect(progress.remaining + Math.min(xp, goal)).toBe(goal);
        expect(dailyGoalProgress(xp + more, goal).percent).toBeGreaterThanOrEqual(progress.percent);
      }),
    );
  });

  it('refuses a goal that is not one of 10, 20, 30, 50', () => {
    expect(() => dailyGoalProgress(5, 25)).toThrow(/goal must be one of 10, 20, 30, 50/);
  });
});
