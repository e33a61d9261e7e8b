import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshHabitStreak } from '../../habits/server/store-habit-streak.ts';
import type { HabitGoalType } from '../../habits/universal/habit-goals.ts';

/** A stored row the recomputation changed: its id, and its state before and after. */
export interface RecomputedRow<State> {
  readonly id: number;
  readonly before: State;
  readonly after: State;
}

export interface HabitStreakState {
  readonly current: number;
  readonly longest: number;
  readonly lastMet: string | null;
  readonly strength: number;
}

/** `user_id in (…)` of a JSON array of ids bound as one parameter. */
export const USER_IDS_SQL = 'select value::bigint from jsonb_array_elements_text(?::jsonb)';

/**
 * Recomputes the streak of every habit of these users from its whole history
 * (`refreshHabitStreak`), under each streak row's lock, in the caller's transaction.
 */
export async function recomputeHabitStreaks(
  tx: EntityManager,
  userIds: readonly number[],
): Promise<{ habits: number; changes: RecomputedRow<HabitStreakState>[] }> {
  // Habits written by other paths may have no streak row yet: give them one to lock.
  await tx.execute(
    `insert into habit_streaks (habit_id) select id from habits where user_id in (${USER_IDS_SQL})
     on conflict (habit_id) do nothing`,
    [JSON.stringify(userIds)],
  );
  const rows = await tx.execute<
    {
      id: string;
      goal_type: HabitGoalType;
      target_value: number;
      schedule_mask: number | null;
      current_streak: number;
      longest_streak: number;
      last_met: string | null;
      strength: number;
    }[]
  >(
    `select h.id, h.goal_type, h.target_value, h.schedule_mask, s.current_streak, s.longest_streak,
            to_char(s.last_completion_date, 'YYYY-MM-DD') as last_met, s.strength
       from habit_streaks s join habits h on h.id = s.habit_id
      where h.user_id in (${USER_IDS_SQL}) order by h.id for update of s`,
    [JSON.stringify(userIds)],
  );
  const changes: RecomputedRow<HabitStreakState>[] = [];
  for (const row of rows) {
    const rule = { goalType: row.goal_type, targetValue: row.target_value, scheduleMask: row.schedule_mask };
    const stored = await refreshHabitStreak(tx, Number(row.id), rule);
    const before = {
      current: row.current_streak,
      longest: row.longest_streak,
      lastMet: row.last_met,
      strength: row.strength,
    };
    const after = {
      current: stored.streak.lastRun,
      longest: stored.streak.longest,
      lastMet: stored.streak.lastMetDate,
      strength: stored.strength,
    };
    const same =
      before.current === after.current &&
      before.longest === after.longest &&
      before.lastMet === after.lastMet &&
      Math.abs(before.strength - after.strength) < 1e-9;
    if (!same) changes.push({ id: Number(row.id), before, after });
  }
  return { habits: rows.length, changes };
}
