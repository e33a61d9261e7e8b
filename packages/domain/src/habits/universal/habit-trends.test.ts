import { describe, expect, it } from 'vitest';
import type { HabitRule } from './habit-periods.ts';
import { completionRateOf, tallyWeek, trendWeeksEndingOn } from './habit-trends.ts';

const daily: HabitRule = { goalType: 'daily', targetValue: 1, scheduleMask: null };
const weekly: HabitRule = { goalType: 'weekly', targetValue: 3, scheduleMask: null };
const monWedFri: HabitRule = { goalType: 'custom', targetValue: 1, scheduleMask: 0b0010101 };

describe('trendWeeksEndingOn', () => {
  it('lists the Mondays of the last 12 ISO weeks, oldest first', () => {
    const weeks = trendWeeksEndingOn('2026-03-04');
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe('2026-03-02');
    expect(weeks[0]).toBe('2025-12-15');
  });
});

describe('tallyWeek', () => {
  const counts = (metDays: number, completedDays = metDays) => ({ metDays, completedDays });

  it.each<[string, HabitRule, string, number, string, string, { hits: number; due: number }]>([
    [
      'a whole past week of a daily habit',
      daily,
      '2026-02-23',
      5,
      '2026-01-01',
      '2026-03-04',
      { hits: 5, due: 7 },
    ],
    [
      'the current week counts only up to today',
      daily,
      '2026-03-02',
      2,
      '2026-01-01',
      '2026-03-04',
      { hits: 2, due: 3 },
    ],
    [
      'a week before the habit began is not due',
      daily,
      '2026-02-23',
      0,
      '2026-03-02',
      '2026-03-04',
      { hits: 0, due: 0 },
    ],
    [
      'the habit’s first week counts from its first day',
      daily,
      '2026-02-23',
      2,
      '2026-02-27',
      '2026-03-04',
      { hits: 2, due: 3 },
    ],
    [
      'a custom schedule is due on its days only',
      monWedFri,
      '2026-02-23',
      2,
      '2026-01-01',
      '2026-03-04',
      { hits: 2, due: 3 },
    ],
    [
      'a weekly habit is due once, part-met by its days',
      weekly,
      '2026-02-23',
      2,
      '2026-01-01',
      '2026-03-04',
      { hits: 2 / 3, due: 1 },
    ],
    [
      'a weekly habit caps at the whole week',
      weekly,
      '2026-02-23',
      5,
      '2026-01-01',
      '2026-03-04',
      { hits: 1, due: 1 },
    ],
  ])('%s', (_, rule, monday, done, activeFrom, today, expected) => {
    expect(tallyWeek(rule, monday, counts(done), activeFrom, today)).toEqual(expected);
  });
});

describe('completionRateOf', () => {
  it('adds hits and due periods across habits', () => {
    expect(
      completionRateOf([
        { hits: 5, due: 7 },
        { hits: 1, due: 1 },
      ]),
    ).toBe(0.75);
  });

  it('is null when nothing was due', () => {
    expect(completionRateOf([{ hits: 0, due: 0 }])).toBeNull();
  });
});
