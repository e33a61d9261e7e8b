import type { EntityManager } from '@mikro-orm/postgresql';
import type { DateRange, HabitDay, HabitRule } from '../universal/habit-periods.ts';
import { storedStrengthOf, strengthWindowFor } from '../universal/habit-strength.ts';
import {
  applyCheckIn,
  applyUndo,
  streakStateOf,
  streakWindowFor,
  type HabitStreakState,
} from '../universal/habit-streak.ts';

export interface StoredStreak {
  readonly streak: HabitStreakState;
  readonly strength: number;
}

/** One habit's check-ins in a date range (all of them for null), through the (habit, date) index. */
export async function loadHabitDays(
  em: EntityManager,
  habitId: number,
  range: DateRange | null,
): Promise<HabitDay[]> {
  const rows = await em.execute<{ date: string; value: number }[]>(
    `select to_char(completion_date, 'YYYY-MM-DD') as date, value from habit_completions
      where habit_id = ? ${range ? 'and completion_date between ? and ?' : ''}
      order by completion_date`,
    range ? [habitId, range.from, range.to] : [habitId],
  );
  return rows;
}

export interface StreakChange {
  readonly date: string;
  /** The day's value before the change; null when it had no check-in. */
  readonly previous: number | null;
  /** The day's value after it; null when the check-in was removed. */
  readonly value: number | null;
}

/**
 * Moves the stored streak by one day's change, already written, under the habit's lock: reads
 * only the window the rule names, and the whole history only when the change broke the latest or
 * a longest run. Strength is recomputed over its bounded horizon.
 */
export async function storeStreakChange(
  em: EntityManager,
  habit: { readonly id: number; readonly rule: HabitRule; readonly streak: HabitStreakState },
  change: StreakChange,
): Promise<StoredStreak> {
  const range = streakWindowFor(habit.rule, habit.streak, change.date);
  const window = { ...range, days: await loadHabitDays(em, habit.id, range) };
  const next =
    change.value !== null
      ? applyCheckIn(habit.rule, habit.streak, { ...change, value: change.value }, window)
      : change.previous !== null
        ? applyUndo(habit.rule, habit.streak, { date: change.date, previous: change.previous }, window)
        : habit.streak;
  if (next) return writeStreak(em, habit.id, habit.rule, next, null);
  const history = await loadHabitDays(em, habit.id, null);
  return writeStreak(em, habit.id, habit.rule, streakStateOf(habit.rule, history), history);
}

/** Recomputes the stored streak from the whole history: after the habit's rule changed. */
export async function refreshHabitStreak(
  em: EntityManager,
  habitId: number,
  rule: HabitRule,
): Promise<StoredStreak> {
  const history = await loadHabitDays(em, habitId, null);
  return writeStreak(em, habitId, rule, streakStateOf(rule, history), history);
}

async function writeStreak(
  em: EntityManager,
  habitId: number,
  rule: HabitRule,
  streak: HabitStreakState,
  history: readonly HabitDay[] | null,
): Promise<StoredStreak> {
  const { lastMetDate } = streak;
  const strength =
    lastMetDate === null
      ? 0
      : storedStrengthOf(
          rule,
          history ?? (await loadHabitDays(em, habitId, strengthWindowFor(rule, lastMetDate))),
          lastMetDate,
        );
  // An upsert: habits written by other paths (seeds, imports) may have no row yet.
  await em.execute(
    `insert into habit_streaks (habit_id, current_streak, longest_streak, last_completion_date, strength)
     values (?, ?, ?, ?, ?)
     on conflict (habit_id) do update set current_streak = excluded.current_streak,
       longest_streak = excluded.longest_streak, last_completion_date = excluded.last_completion_date,
       strength = excluded.strength`,
    [habitId, streak.lastRun, streak.longest, lastMetDate, strength],
  );
  return { streak, strength };
}
