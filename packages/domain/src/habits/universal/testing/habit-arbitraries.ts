import fc from 'fast-check';
import type { HabitDay, HabitRule } from '../habit-periods.ts';

/** Small targets and values, so that random histories flip between met and missed often. */
export const habitRuleArbitrary: fc.Arbitrary<HabitRule> = fc.oneof(
  fc.record({
    goalType: fc.constant('daily' as const),
    targetValue: fc.integer({ min: 1, max: 3 }),
    scheduleMask: fc.constant(null),
  }),
  fc.record({
    goalType: fc.constant('weekly' as const),
    targetValue: fc.integer({ min: 1, max: 4 }),
    scheduleMask: fc.constant(null),
  }),
  fc.record({
    goalType: fc.constant('custom' as const),
    targetValue: fc.integer({ min: 1, max: 3 }),
    scheduleMask: fc.integer({ min: 1, max: 127 }),
  }),
);

/** Day offsets with values: at most one per day, as the table's unique (habit, date) allows. */
export const habitHistoryArbitrary = (days: number): fc.Arbitrary<Map<number, number>> =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: days - 1 }), fc.integer({ min: 0, max: 4 })), {
      maxLength: days,
    })
    .map((entries) => new Map(entries));

export const toHabitDays = (history: ReadonlyMap<string, number>): HabitDay[] =>
  [...history].map(([date, value]) => ({ date, value }));
