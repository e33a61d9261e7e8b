import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateOfDayNumber,
  dayNumberOf,
  isCalendarDate,
  isDayMet,
  isoWeekdayOf,
  isScheduled,
  metPeriodsOf,
  mondayOf,
  periodDates,
  periodOf,
  periodsWithin,
  type HabitRule,
} from './habit-periods.ts';
import { habitRuleArbitrary } from './testing/habit-arbitraries.ts';

const monWedFri: HabitRule = { goalType: 'custom', targetValue: 2, scheduleMask: 0b0010101 };
const weekly: HabitRule = { goalType: 'weekly', targetValue: 2, scheduleMask: null };
const dayArbitrary = fc.integer({ min: -40_000, max: 80_000 });

describe('calendar days', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-2', false],
    ['2026-03-02T00:00:00Z', false],
  ])('%s is a calendar date: %s', (date, valid) => {
    expect(isCalendarDate(date)).toBe(valid);
  });

  it('numbers days and weekdays like JavaScript dates do', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const date = dateOfDayNumber(day);
        expect(dayNumberOf(date)).toBe(day);
        expect(isoWeekdayOf(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay() || 7);
        expect(isoWeekdayOf(mondayOf(date))).toBe(1);
        expect(day - dayNumberOf(mondayOf(date))).toBe(isoWeekdayOf(date) - 1);
      }),
    );
  });
});

describe('periodOf', () => {
  it('numbers consecutive due periods consecutively for every goal type', () => {
    fc.assert(
      fc.property(habitRuleArbitrary, dayArbitrary, (rule, day) => {
        const date = dateOfDayNumber(day);
        if (!isScheduled(rule, date)) return;
        let next = day + 1;
        while (!isScheduled(rule, dateOfDayNumber(next))) next += 1;
        const step = rule.goalType === 'weekly' && isoWeekdayOf(date) !== 7 ? 0 : 1;
        expect(periodOf(rule, dateOfDayNumber(next)) - periodOf(rule, date)).toBe(step);
      }),
    );
  });

  it('is inverted by periodDates', () => {
    fc.assert(
      fc.property(habitRuleArbitrary, dayArbitrary, (rule, day) => {
        const date = dateOfDayNumber(day);
        const { first, last } = periodDates(rule, periodOf(rule, date));
        expect(periodOf(rule, first)).toBe(periodOf(rule, date));
        expect(periodOf(rule, last)).toBe(periodOf(rule, date));
        if (isScheduled(rule, date) && rule.goalType !== 'weekly') expect(first).toBe(date);
        if (rule.goalType === 'weekly') expect(first).toBe(mondayOf(date));
      }),
    );
  });

  it('puts a custom day off in the period of the next scheduled day', () => {
    // Tuesday 2026-03-03 and Thursday 2026-03-05 are days off.
    expect(periodOf(monWedFri, '2026-03-03')).toBe(periodOf(monWedFri, '2026-03-04'));
    expect(periodOf(monWedFri, '2026-03-07')).toBe(periodOf(monWedFri, '2026-03-09'));
    expect(periodOf(monWedFri, '2026-03-09') - periodOf(monWedFri, '2026-03-06')).toBe(1);
  });

  it('counts only whole periods inside a range', () => {
    expect(periodsWithin(weekly, '2026-03-03', '2026-03-15')).toEqual({
      first: periodOf(weekly, '2026-03-09'),
      end: periodOf(weekly, '2026-03-15'),
    });
    expect(periodsWithin(monWedFri, '2026-03-03', '2026-03-05')).toEqual({
      first: periodOf(monWedFri, '2026-03-04'),
      end: periodOf(monWedFri, '2026-03-04'),
    });
  });
});

describe('isDayMet and metPeriodsOf', () => {
  it.each<[HabitRule, string, number | null, boolean]>([
    [monWedFri, '2026-03-02', 2, true],
    [monWedFri, '2026-03-02', 1, false],
    [monWedFri, '2026-03-03', 5, false],
    [monWedFri, '2026-03-02', null, false],
    [weekly, '2026-03-03', 1, true],
    [weekly, '2026-03-03', 0, false],
  ])('%o on %s with %s: %s', (rule, date, value, met) => {
    expect(isDayMet(rule, date, value)).toBe(met);
  });

  it('meets a week with enough completed days and keeps its latest one', () => {
    const days = [
      { date: '2026-03-02', value: 1 },
      { date: '2026-03-04', value: 3 },
      { date: '2026-03-09', value: 1 },
      { date: '2026-03-10', value: 0 },
    ];
    expect([...metPeriodsOf(weekly, days)]).toEqual([[periodOf(weekly, '2026-03-02'), '2026-03-04']]);
  });
});
