// Habit streaks (DESIGN §4): runs of consecutive met periods. The stored state does not depend on
// the day it is read: it keeps the run that ends at the latest met period, and whether that run
// is still current follows from today at read time, so no stored streak goes stale overnight.
import {
  metPeriodsOf,
  periodDates,
  periodOf,
  periodsWithin,
  isScheduled,
  type DateRange,
  type HabitDay,
  type HabitRule,
} from './habit-periods.ts';

/** What `habit_streaks` stores: a function of the history alone. */
export interface HabitStreakState {
  /** Length of the run of met periods ending at the latest met period. */
  readonly lastRun: number;
  /** The best run ever. */
  readonly longest: number;
  /** The latest met date (for weekly habits: the latest completed day of the latest met week). */
  readonly lastMetDate: string | null;
}

export interface HabitStreak extends HabitStreakState {
  /** The run ending at today's period or the previous one; the unfinished period never breaks it. */
  readonly current: number;
}

export const EMPTY_HABIT_STREAK: HabitStreakState = { lastRun: 0, longest: 0, lastMetDate: null };

/** The stored state recomputed from a habit's whole history. */
export function streakStateOf(rule: HabitRule, days: readonly HabitDay[]): HabitStreakState {
  const met = metPeriodsOf(rule, days);
  const periods = [...met.keys()].sort((a, b) => a - b);
  let run = 0;
  let longest = 0;
  let previous: number | undefined;
  for (const period of periods) {
    run = previous === period - 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = period;
  }
  const lastMetDate = previous === undefined ? null : (met.get(previous) ?? null);
  return { lastRun: run, longest, lastMetDate };
}

/** The current streak on `today`: the stored run while it ends at today's period or the one before. */
export function currentStreakOn(rule: HabitRule, state: HabitStreakState, today: string): number {
  if (state.lastMetDate === null) return 0;
  return periodOf(rule, state.lastMetDate) >= periodOf(rule, today) - 1 ? state.lastRun : 0;
}

/** True when the streak is alive but today's period is not met yet: miss it and the streak ends. */
export function isStreakAtRisk(rule: HabitRule, state: HabitStreakState, today: string): boolean {
  return (
    state.lastMetDate !== null &&
    currentStreakOn(rule, state, today) > 0 &&
    periodOf(rule, state.lastMetDate) < periodOf(rule, today)
  );
}

/** Recomputation from history: the reference every incremental update must equal. */
export function computeHabitStreak(rule: HabitRule, days: readonly HabitDay[], today: string): HabitStreak {
  const state = streakStateOf(rule, days);
  return { ...state, current: currentStreakOn(rule, state, today) };
}

/** A slice of a habit's history, after the change, and the range it covers completely. */
export interface HistoryWindow extends DateRange {
  readonly days: readonly HabitDay[];
}

/**
 * The range an update of `date` needs: the period itself when it is past the latest met period,
 * the one before too when it is the latest, otherwise as far either side as the longest run
 * (the runs beside it cannot be longer).
 */
export function streakWindowFor(rule: HabitRule, state: HabitStreakState, date: string): DateRange {
  const period = periodOf(rule, date);
  const last = state.lastMetDate === null ? null : periodOf(rule, state.lastMetDate);
  let first = period;
  let end = period;
  if (last !== null && period === last) first = period - 1;
  if (last !== null && period < last) {
    first = period - state.longest - 1;
    end = Math.min(last, period + state.longest + 1);
  }
  return { from: periodDates(rule, first).first, to: periodDates(rule, end).last };
}

export interface CheckInChange {
  readonly date: string;
  /** The day's value before the check-in, null when it had none. */
  readonly previous: number | null;
  readonly value: number;
}

export interface UndoChange {
  readonly date: string;
  /** The value of the removed check-in. */
  readonly previous: number;
}

/**
 * The state after a check-in (new, or a changed value), from the stored state and the window
 * `streakWindowFor` names, read after the change. Null when the change broke the latest or a
 * longest run, whose replacement may lie anywhere: then recompute from the whole history.
 */
export function applyCheckIn(
  rule: HabitRule,
  state: HabitStreakState,
  change: CheckInChange,
  window: HistoryWindow,
): HabitStreakState | null {
  return applyChange(rule, state, change.date, change.previous, window);
}

/** The state after a check-in is removed; same contract as `applyCheckIn`. */
export function applyUndo(
  rule: HabitRule,
  state: HabitStreakState,
  change: UndoChange,
  window: HistoryWindow,
): HabitStreakState | null {
  return applyChange(rule, state, change.date, change.previous, window);
}

function applyChange(
  rule: HabitRule,
  state: HabitStreakState,
  date: string,
  previous: number | null,
  window: HistoryWindow,
): HabitStreakState | null {
  if (!isScheduled(rule, date)) return state;
  const period = periodOf(rule, date);
  const after = metPeriodsOf(rule, window.days);
  const before = metPeriodsOf(rule, [
    ...window.days.filter((day) => day.date !== date),
    ...(previous === null ? [] : [{ date, value: previous }]),
  ]);
  const metAfter = after.has(period);
  const last = state.lastMetDate === null ? null : periodOf(rule, state.lastMetDate);
  if (before.has(period) === metAfter) {
    // Still met or still missed: only the latest met date can move (another day of a weekly habit's week).
    return metAfter && period === last ? { ...state, lastMetDate: after.get(period) ?? null } : state;
  }
  if (last === null || period > last) {
    const lastRun = last === period - 1 ? state.lastRun + 1 : 1;
    return { lastRun, longest: Math.max(state.longest, lastRun), lastMetDate: after.get(period) ?? null };
  }
  const bounds = { ...periodsWithin(rule, window.from, window.to), last };
  // The run ending at the latest period is known: no need to walk it.
  const left = period === last ? state.lastRun - 1 : walkRun(after, period - 1, -1, bounds);
  const right = walkRun(after, period + 1, 1, bounds);
  if (left === null || right === null) return null;
  const reachesLast = period + right === last;
  if (metAfter) {
    const merged = left + 1 + right;
    return {
      lastRun: reachesLast ? merged : state.lastRun,
      longest: Math.max(state.longest, merged),
      lastMetDate: state.lastMetDate,
    };
  }
  if (left + 1 + right === state.longest) return null;
  if (period === last) {
    if (left === 0) return null;
    return { lastRun: left, longest: state.longest, lastMetDate: after.get(period - 1) ?? null };
  }
  return { ...state, lastRun: reachesLast ? right : state.lastRun };
}

/** Met periods in a row from `start` in `step` direction; null when the window ends before the run does. */
function walkRun(
  met: ReadonlyMap<number, string>,
  start: number,
  step: 1 | -1,
  bounds: { first: number; end: number; last: number },
): number | null {
  let length = 0;
  for (let period = start; ; period += step) {
    // Nothing is met after the latest met period.
    if (period > bounds.last) return length;
    if (period < bounds.first || period > bounds.end) return null;
    if (!met.has(period)) return length;
    length += 1;
  }
}
