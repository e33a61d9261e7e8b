// Weekly completion rates for the trends chart: how much of each ISO week's goal was met.
import { dateOfDayNumber, dayNumberOf, isScheduled, mondayOf, type HabitRule } from './habit-periods.ts';

export const TREND_WEEKS = 12;

/** Mondays of the `weeks` ISO weeks ending with today's, oldest first. */
export function trendWeeksEndingOn(today: string, weeks = TREND_WEEKS): string[] {
  const monday = dayNumberOf(mondayOf(today));
  return Array.from({ length: weeks }, (_, index) => dateOfDayNumber(monday - 7 * (weeks - 1 - index)));
}

/** A week's check-ins of one habit. */
export interface WeekCounts {
  /** Days whose value met the day's goal on a scheduled day. */
  readonly metDays: number;
  /** Days with any value above zero (what a weekly habit counts). */
  readonly completedDays: number;
}

/** Goal met (`hits`) out of goal due (`due`); weekly habits are due once a week and may hit part of it. */
export interface WeekTally {
  readonly hits: number;
  readonly due: number;
}

/**
 * One habit's week, counting only days from `activeFrom` (its first day) to `today`: daily and
 * custom habits — met days of the days due; weekly habits — completed days toward the target,
 * capped at the whole week.
 */
export function tallyWeek(
  rule: HabitRule,
  monday: string,
  counts: WeekCounts,
  activeFrom: string,
  today: string,
): WeekTally {
  const first = Math.max(dayNumberOf(monday), dayNumberOf(activeFrom));
  const last = Math.min(dayNumberOf(monday) + 6, dayNumberOf(today));
  if (first > last) return { hits: 0, due: 0 };
  if (rule.goalType === 'weekly') {
    return { hits: Math.min(1, counts.completedDays / rule.targetValue), due: 1 };
  }
  let due = 0;
  for (let day = first; day <= last; day += 1) if (isScheduled(rule, dateOfDayNumber(day))) due += 1;
  return { hits: Math.min(counts.metDays, due), due };
}

/** Share of the goal met across tallies (one habit's week, or all habits' same week); null when nothing was due. */
export function completionRateOf(tallies: readonly WeekTally[]): number | null {
  const due = tallies.reduce((sum, tally) => sum + tally.due, 0);
  if (due === 0) return null;
  return tallies.reduce((sum, tally) => sum + tally.hits, 0) / due;
}
