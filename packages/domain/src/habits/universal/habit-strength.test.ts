import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf, type HabitRule } from './habit-periods.ts';
import {
  computeHabitStrength,
  explainStrength,
  nextStrength,
  storedStrengthOf,
  strengthHalfLife,
  strengthMultiplier,
  strengthOfSequence,
  strengthOn,
} from './habit-strength.ts';
import { streakStateOf } from './habit-streak.ts';
import { habitRuleArbitrary, toHabitDays } from './testing/habit-arbitraries.ts';

const daily: HabitRule = { goalType: 'daily', targetValue: 1, scheduleMask: null };
const weekly: HabitRule = { goalType: 'weekly', targetValue: 3, scheduleMask: null };
const threeDays: HabitRule = { goalType: 'custom', targetValue: 1, scheduleMask: 0b0010101 };

const scoreArbitrary = fc.double({ min: 0, max: 100, noNaN: true });
const multiplierArbitrary = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('the smoothing factor', () => {
  it.each<[string, HabitRule, number]>([
    ['daily: 13 days, as Loop Habit Tracker', daily, 13],
    ['weekly: 13/√7 weeks, about 34 days', weekly, 13 / Math.sqrt(7)],
    ['three days a week: 13·√(3/7) scheduled days', threeDays, 13 * Math.sqrt(3 / 7)],
  ])('half-life %s', (_, rule, halfLife) => {
    expect(strengthHalfLife(rule)).toBeCloseTo(halfLife, 10);
    expect(strengthMultiplier(rule) ** halfLife).toBeCloseTo(0.5, 10);
  });

  it('halves the score over a half-life of misses and gains most of the way in 5 half-lives of hits', () => {
    const m = strengthMultiplier(daily);
    expect(strengthOfSequence([...Array(30).fill(true), ...Array(13).fill(false)], m)).toBeCloseTo(
      strengthOfSequence(Array(30).fill(true), m) / 2,
      6,
    );
    expect(strengthOfSequence(Array(65).fill(true), m)).toBeGreaterThan(96);
  });
});

describe('nextStrength', () => {
  it('stays within 0–100', () => {
    fc.assert(
      fc.property(scoreArbitrary, fc.boolean(), multiplierArbitrary, (score, hit, m) => {
        const next = nextStrength(score, hit, m);
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never lowers on a hit and never rises on a miss', () => {
    fc.assert(
      fc.property(scoreArbitrary, multiplierArbitrary, (score, m) => {
        expect(nextStrength(score, true, m)).toBeGreaterThanOrEqual(score);
        expect(nextStrength(score, false, m)).toBeLessThanOrEqual(score);
      }),
    );
  });

  it('is monotone in the number of hits: turning any misses into hits never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 300 }),
        fc.array(fc.nat()),
        multiplierArbitrary,
        (hits, flips, m) => {
          const more = [...hits];
          for (const flip of flips) if (more.length) more[flip % more.length] = true;
          expect(strengthOfSequence(more, m)).toBeGreaterThanOrEqual(strengthOfSequence(hits, m));
        },
      ),
    );
  });
});

describe('strengthOn', () => {
  const START = dayNumberOf('2026-01-01');

  it('decays the stored score to the recomputation on any later day, within a millionth', () => {
    fc.assert(
      fc.property(
        habitRuleArbitrary,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 399 }), fc.integer({ min: 0, max: 4 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 0, max: 200 }),
        (rule, entries, after) => {
          const history = new Map(entries.map(([offset, value]) => [dateOfDayNumber(START + offset), value]));
          const days = toHabitDays(history);
          const today = dateOfDayNumber(START + 399 + after);
          const { lastMetDate } = streakStateOf(rule, days);
          const stored = storedStrengthOf(rule, days, lastMetDate);
          expect(
            Math.abs(strengthOn(rule, stored, lastMetDate, today) - computeHabitStrength(rule, days, today)),
          ).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not count today as a miss before it is over', () => {
    const days = [{ date: '2026-03-01', value: 1 }];
    const stored = storedStrengthOf(daily, days, '2026-03-01');
    expect(strengthOn(daily, stored, '2026-03-01', '2026-03-02')).toBe(stored);
    expect(strengthOn(daily, stored, '2026-03-01', '2026-03-03')).toBeLessThan(stored);
  });
});

describe('explainStrength', () => {
  it.each([
    [0, 'Strength 0%: this habit has not started yet'],
    [12.4, 'Strength 12%: this habit is fragile'],
    [35, 'Strength 35%: this habit is forming'],
    [64.6, 'Strength 65%: this habit is taking hold'],
    [100, 'Strength 100%: this habit is firmly established'],
  ])('explains %s in one sentence', (score, start) => {
    const sentence = explainStrength(score);
    expect(sentence.startsWith(start)).toBe(true);
    expect(sentence.match(/[.!?]/g)).toHaveLength(1);
  });

  it('refuses a score that is not a number', () => {
    expect(() => explainStrength(Number.NaN)).toThrow(RangeError);
  });
});
