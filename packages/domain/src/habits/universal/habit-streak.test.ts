import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf, type HabitDay, type HabitRule } from './habit-periods.ts';
import {
  applyCheckIn,
  applyUndo,
  computeHabitStreak,
  EMPTY_HABIT_STREAK,
  isStreakAtRisk,
  streakStateOf,
  streakWindowFor,
  type HabitStreakState,
} from './habit-streak.ts';
import { habitRuleArbitrary, toHabitDays } from './testing/habit-arbitraries.ts';
import { referenceStreak } from './testing/reference-streak.ts';

const daily = (targetValue = 1): HabitRule => ({ goalType: 'daily', targetValue, scheduleMask: null });
const weekly = (targetValue: number): HabitRule => ({ goalType: 'weekly', targetValue, scheduleMask: null });
// Monday, Wednesday, Friday.
const monWedFri: HabitRule = { goalType: 'custom', targetValue: 1, scheduleMask: 0b0010101 };

const done = (...dates: string[]): HabitDay[] => dates.map((date) => ({ date, value: 1 }));

// 2026-03-02 is a Monday.
describe('computeHabitStreak', () => {
  it.each<[string, HabitRule, HabitDay[], string, { current: number; longest: number }]>([
    ['nothing yet', daily(), [], '2026-03-04', { current: 0, longest: 0 }],
    [
      'three days ending today',
      daily(),
      done('2026-03-02', '2026-03-03', '2026-03-04'),
      '2026-03-04',
      { current: 3, longest: 3 },
    ],
    [
      'ending yesterday: today is still open',
      daily(),
      done('2026-03-02', '2026-03-03'),
      '2026-03-04',
      { current: 2, longest: 2 },
    ],
    [
      'ending two days ago: broken',
      daily(),
      done('2026-03-01', '2026-03-02'),
      '2026-03-04',
      { current: 0, longest: 2 },
    ],
    [
      'a gap splits runs',
      daily(),
      done('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05'),
      '2026-03-05',
      { current: 1, longest: 3 },
    ],
    [
      'below target does not count',
      daily(3),
      [
        { date: '2026-03-03', value: 2 },
        { date: '2026-03-04', value: 3 },
      ],
      '2026-03-04',
      { current: 1, longest: 1 },
    ],
    [
      'a zero value is no check-in',
      daily(),
      [{ date: '2026-03-04', value: 0 }],
      '2026-03-04',
      { current: 0, longest: 0 },
    ],
    [
      'weekly: two met weeks',
      weekly(2),
      done('2026-02-23', '2026-02-25', '2026-03-02', '2026-03-06'),
      '2026-03-08',
      { current: 2, longest: 2 },
    ],
    [
      'weekly: the unfinished week does not break it',
      weekly(2),
      done('2026-02-23', '2026-02-25'),
      '2026-03-04',
      { current: 1, longest: 1 },
    ],
    [
      'weekly: a short week breaks it',
      weekly(2),
      done('2026-02-16', '2026-02-17', '2026-02-23', '2026-03-02', '2026-03-03'),
      '2026-03-04',
      { current: 1, longest: 1 },
    ],
    [
      'custom: days off never break it',
      monWedFri,
      done('2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09'),
      '2026-03-09',
      { current: 4, longest: 4 },
    ],
    [
      'custom: a day off counts for nothing',
      monWedFri,
      done('2026-03-03', '2026-03-05'),
      '2026-03-05',
      { current: 0, longest: 0 },
    ],
    [
      'custom: the weekend after Friday keeps it',
      monWedFri,
      done('2026-03-04', '2026-03-06'),
      '2026-03-08',
      { current: 2, longest: 2 },
    ],
    [
      'custom: a missed Monday ends it',
      monWedFri,
      done('2026-03-04', '2026-03-06'),
      '2026-03-10',
      { current: 0, longest: 2 },
    ],
  ])('%s', (_, rule, days, today, expected) => {
    expect(computeHabitStreak(rule, days, today)).toMatchObject(expected);
  });

  it('keeps the latest met date: for weekly habits the last completed day of the latest met week', () => {
    expect(
      computeHabitStreak(weekly(2), done('2026-03-02', '2026-03-05', '2026-03-09'), '2026-03-09'),
    ).toMatchObject({ lastRun: 1, lastMetDate: '2026-03-05' });
  });

  it('flags a live streak whose current period is not met yet', () => {
    const state = streakStateOf(daily(), done('2026-03-02', '2026-03-03'));
    expect(isStreakAtRisk(daily(), state, '2026-03-04')).toBe(true);
    expect(isStreakAtRisk(daily(), state, '2026-03-03')).toBe(false);
    expect(isStreakAtRisk(daily(), state, '2026-03-05')).toBe(false);
  });

  it('equals a day-by-day reference on any history', () => {
    fc.assert(
      fc.property(
        habitRuleArbitrary,
        historyArbitrary,
        fc.integer({ min: 0, max: 20 }),
        (rule, history, after) => {
          const days = toHabitDays(history);
          const today = dateOfDayNumber(START + SPAN + after);
          const { current, longest } = computeHabitStreak(rule, days, today);
          expect({ current, longest }).toEqual(referenceStreak(rule, history, START, today));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('applyCheckIn and applyUndo', () => {
  it('always equal the recomputation, whatever is added or removed, past dates included', () => {
    fc.assert(
      fc.property(habitRuleArbitrary, fc.array(operationArbitrary, { maxLength: 80 }), (rule, operations) => {
        const history = new Map<string, number>();
        let state: HabitStreakState = EMPTY_HABIT_STREAK;
        for (const operation of operations) {
          const date = dateOfDayNumber(START + operation.offset);
          const previous = history.get(date) ?? null;
          if (operation.kind === 'undo' && previous === null) continue;
          // The window is chosen from the stored state before the change, as the service does.
          const range = streakWindowFor(rule, state, date);
          if (operation.kind === 'check') history.set(date, operation.value);
          else history.delete(date);
          const days = toHabitDays(history);
          const window = { ...range, days: days.filter((d) => d.date >= range.from && d.date <= range.to) };
          const next =
            operation.kind === 'check'
              ? applyCheckIn(rule, state, { date, previous, value: operation.value }, window)
              : previous === null
                ? state
                : applyUndo(rule, state, { date, previous }, window);
          state = next ?? streakStateOf(rule, days);
          expect(state).toEqual(streakStateOf(rule, days));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each<[string, HabitRule, HabitDay[], string]>([
    ['checking in today after yesterday', daily(), done('2026-03-02', '2026-03-03'), '2026-03-04'],
    ['the day that joins two runs', daily(), done('2026-03-01', '2026-03-02', '2026-03-04'), '2026-03-03'],
    ['a day of a weekly habit', weekly(2), done('2026-02-23', '2026-02-24', '2026-03-02'), '2026-03-03'],
  ])('needs only the window, not the history: %s', (_, rule, days, date) => {
    const state = streakStateOf(rule, days);
    const range = streakWindowFor(rule, state, date);
    const after = [...days, { date, value: 1 }];
    const window = { ...range, days: after.filter((d) => d.date >= range.from && d.date <= range.to) };
    expect(applyCheckIn(rule, state, { date, previous: null, value: 1 }, window)).toEqual(
      streakStateOf(rule, after),
    );
  });

  it('asks for the whole history when the only longest run breaks', () => {
    const days = done('2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05');
    const state = streakStateOf(daily(), days);
    const range = streakWindowFor(daily(), state, '2026-03-02');
    const after = days.filter((d) => d.date !== '2026-03-02');
    expect(
      applyUndo(daily(), state, { date: '2026-03-02', previous: 1 }, { ...range, days: after }),
    ).toBeNull();
  });

  it('leaves the state alone for a custom schedule’s day off', () => {
    const state = streakStateOf(monWedFri, done('2026-03-02'));
    const window = { from: '2026-03-03', to: '2026-03-03', days: done('2026-03-02', '2026-03-03') };
    expect(applyCheckIn(monWedFri, state, { date: '2026-03-03', previous: null, value: 1 }, window)).toBe(
      state,
    );
  });
});

const START = dayNumberOf('2026-01-01');
const SPAN = 70;

const historyArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: SPAN - 1 }), fc.integer({ min: 0, max: 4 })), { maxLength: SPAN })
  .map((entries) => new Map(entries.map(([offset, value]) => [dateOfDayNumber(START + offset), value])));

const operationArbitrary = fc.record({
  kind: fc.constantFrom('check', 'check', 'undo'),
  offset: fc.integer({ min: 0, max: 40 }),
  value: fc.integer({ min: 0, max: 4 }),
});
