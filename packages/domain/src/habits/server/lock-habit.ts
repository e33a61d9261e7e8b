import type { EntityManager } from '@mikro-orm/postgresql';
import { toLocalDate } from '../../game/universal/local-day.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { HabitDto } from '../universal/habit-dtos.ts';
import type { HabitGoalType } from '../universal/habit-goals.ts';
import type { HabitRule } from '../universal/habit-periods.ts';
import type { HabitStreakState } from '../universal/habit-streak.ts';

/** A habit read under its streak row's lock, which every change to a habit takes first. */
export interface LockedHabit {
  readonly dto: HabitDto;
  readonly rule: HabitRule;
  readonly streak: HabitStreakState;
  readonly strength: number;
  /** The owner's time zone now: fixes their today. */
  readonly timeZone: string;
}

export interface HabitRow {
  id: string | number;
  name: string;
  description: string | null;
  category: string | null;
  goal_type: HabitGoalType;
  target_value: number;
  schedule_mask: number | null;
  /** Raw timestamptz text: the driver leaves timestamps unparsed. */
  archived_at: string | null;
  created_at: string;
}

interface LockedRow extends HabitRow {
  timezone: string;
  current_streak: number;
  longest_streak: number;
  last_met_date: string | null;
  strength: number;
}

export const HABIT_COLUMNS =
  'h.id, h.name, h.description, h.category, h.goal_type, h.target_value, h.schedule_mask, h.archived_at, h.created_at';

export const toHabitDto = (row: HabitRow): HabitDto => ({
  id: Number(row.id),
  name: row.name,
  description: row.description,
  category: row.category,
  goalType: row.goal_type,
  targetValue: row.target_value,
  scheduleMask: row.schedule_mask,
  archivedAt: row.archived_at === null ? null : new Date(row.archived_at),
  createdAt: new Date(row.created_at),
});

export const habitNotFound = () =>
  new DomainError('HABIT_NOT_FOUND', 'NOT_FOUND', 'There is no such habit', { path: ['habitId'] });

/**
 * Locks the habit's streak row and reads the habit with it, in the caller's transaction. Another
 * learner's habit is NOT_FOUND, never FORBIDDEN: its existence is not theirs to learn.
 */
export async function lockOwnHabit(em: EntityManager, userId: number, habitId: number): Promise<LockedHabit> {
  // Every habit gets its row when created; this covers rows written by other paths.
  await em.execute(
    `insert into habit_streaks (habit_id) select id from habits where id = ? and user_id = ?
     on conflict (habit_id) do nothing`,
    [habitId, userId],
  );
  const [row] = await em.execute<LockedRow[]>(
    `select ${HABIT_COLUMNS}, u.timezone, s.current_streak, s.longest_streak, s.strength,
            to_char(s.last_completion_date, 'YYYY-MM-DD') as last_met_date
       from habit_streaks s join habits h on h.id = s.habit_id join users u on u.id = h.user_id
      where s.habit_id = ? and h.user_id = ?
        for update of s`,
    [habitId, userId],
  );
  if (!row) throw habitNotFound();
  return {
    dto: toHabitDto(row),
    rule: { goalType: row.goal_type, targetValue: row.target_value, scheduleMask: row.schedule_mask },
    streak: { lastRun: row.current_streak, longest: row.longest_streak, lastMetDate: row.last_met_date },
    strength: row.strength,
    timeZone: row.timezone,
  };
}

/** Archived habits are kept for their history but take no check-ins or edits. */
export function assertHabitActive(habit: LockedHabit): void {
  if (habit.dto.archivedAt !== null) {
    throw new DomainError(
      'HABIT_ARCHIVED',
      'PRECONDITION_FAILED',
      'This habit is archived: restore it first',
      {
        path: ['habitId'],
      },
    );
  }
}

/** The owner's local today and the habit's first day (its creation, in the same time zone). */
export function habitDaysOf(habit: LockedHabit, now: Date): { today: string; firstDay: string } {
  return {
    today: toLocalDate(now, habit.timeZone),
    firstDay: toLocalDate(habit.dto.createdAt, habit.timeZone),
  };
}
