// The periods a habit is judged by, numbered so that consecutive periods differ by one: days for
// daily habits, ISO weeks (Monday first) for weekly ones, scheduled days for custom schedules.
// Dates are learners' local calendar days (`YYYY-MM-DD`); no time zone is involved here.
import { ALL_WEEKDAYS_MASK, type HabitGoalType } from './habit-goals.ts';

/** What the rules need of a habit. */
export interface HabitRule {
  readonly goalType: HabitGoalType;
  /** daily/custom: the value a day needs; weekly: completed days an ISO week needs. */
  readonly targetValue: number;
  /** Custom schedules only: ISO weekdays as bits, Monday = 1 … Sunday = 64. */
  readonly scheduleMask: number | null;
}

/** One day's check-in: at most one per habit and date. */
export interface HabitDay {
  readonly date: string;
  readonly value: number;
}

/** Inclusive range of local dates. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (a Thursday). */
export function dayNumberOf(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written as `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  return DATE_PATTERN.test(date) && dateOfDayNumber(dayNumberOf(date)) === date;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO week number counted from the week of 1970-01-01; consecutive weeks differ by one. */
const weekIndexOf = (day: number) => Math.floor((day + 3) / 7);

/** Monday of the ISO week `date` is in. */
export function mondayOf(date: string): string {
  return dateOfDayNumber(weekIndexOf(dayNumberOf(date)) * 7 - 3);
}

const maskOf = (rule: HabitRule) => rule.scheduleMask ?? ALL_WEEKDAYS_MASK;

function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits > 0; bits >>= 1) count += bits & 1;
  return count;
}

/** Scheduled weekdays per week: 7 for daily and weekly habits. */
export function scheduledDaysPerWeek(rule: HabitRule): number {
  return rule.goalType === 'custom' ? bitCount(maskOf(rule)) : 7;
}

/** Whether `date` is a day the habit is due: every day except a custom schedule's days off. */
export function isScheduled(rule: HabitRule, date: string): boolean {
  return rule.goalType !== 'custom' || (maskOf(rule) & (1 << (isoWeekdayOf(date) - 1))) !== 0;
}

/**
 * The period `date` belongs to. For custom schedules a day off belongs to the next scheduled day
 * (the period still running), so days off neither count nor break a streak.
 */
export function periodOf(rule: HabitRule, date: string): number {
  const day = dayNumberOf(date);
  if (rule.goalType === 'daily') return day;
  const week = weekIndexOf(day);
  if (rule.goalType === 'weekly') return week;
  const weekday = day - (week * 7 - 3);
  return week * scheduledDaysPerWeek(rule) + bitCount(maskOf(rule) & ((1 << weekday) - 1));
}

/** The first and last date of a period (for a custom schedule both are the scheduled day). */
export function periodDates(rule: HabitRule, period: number): { first: string; last: string } {
  if (rule.goalType === 'daily') {
    const date = dateOfDayNumber(period);
    return { first: date, last: date };
  }
  if (rule.goalType === 'weekly') {
    return { first: dateOfDayNumber(period * 7 - 3), last: dateOfDayNumber(period * 7 + 3) };
  }
  const perWeek = scheduledDaysPerWeek(rule);
  const week = Math.floor(period / perWeek);
  let nth = period - week * perWeek;
  let weekday = 0;
  for (; weekday < 7; weekday += 1) {
    if ((maskOf(rule) & (1 << weekday)) === 0) continue;
    if (nth === 0) break;
    nth -= 1;
  }
  const date = dateOfDayNumber(week * 7 - 3 + weekday);
  return { first: date, last: date };
}

/**
 * Whether a day's check-in meets the habit's goal for that day, which is what earns XP:
 * daily — value ≥ target; weekly — any completed day (value > 0); custom — value ≥ target on a
 * scheduled day (days off are recorded but count for nothing).
 */
export function isDayMet(rule: HabitRule, date: string, value: number | null): boolean {
  if (value === null) return false;
  if (rule.goalType === 'weekly') return value > 0;
  return value >= rule.targetValue && isScheduled(rule, date);
}

/** Met periods of a history, each with its latest met date (for weekly: the week's last completed day). */
export function metPeriodsOf(rule: HabitRule, days: readonly HabitDay[]): Map<number, string> {
  // One value per date (the last given wins), as the table's unique (habit, date) guarantees.
  const values = new Map(days.map((day) => [day.date, day.value]));
  const met = new Map<number, string>();
  if (rule.goalType !== 'weekly') {
    for (const [date, value] of values) {
      if (isDayMet(rule, date, value)) met.set(periodOf(rule, date), date);
    }
    return met;
  }
  const weeks = new Map<number, { count: number; last: string }>();
  for (const [date, value] of values) {
    if (value <= 0) continue;
    const week = periodOf(rule, date);
    const tally = weeks.get(week) ?? { count: 0, last: date };
    weeks.set(week, { count: tally.count + 1, last: date > tally.last ? date : tally.last });
  }
  for (const [week, tally] of weeks) if (tally.count >= rule.targetValue) met.set(week, tally.last);
  return met;
}

/** The periods a date range holds entirely (a weekly habit's partial weeks at either end do not count). */
export function periodsWithin(rule: HabitRule, from: string, to: string): { first: number; end: number } {
  const first = periodOf(rule, from);
  const end = periodOf(rule, to);
  if (rule.goalType === 'weekly') {
    return {
      first: isoWeekdayOf(from) === 1 ? first : first + 1,
      end: isoWeekdayOf(to) === 7 ? end : end - 1,
    };
  }
  // A custom day off belongs to the next scheduled day, which lies after `to`.
  return { first, end: isScheduled(rule, to) ? end : end - 1 };
}
