import type { EntityManager } from '@mikro-orm/postgresql';
import { awardUnlocks } from '../../game/server/award-unlocks.ts';
import { runIdempotent } from '../../shared/server/idempotent.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { CheckInResult } from '../universal/habit-dtos.ts';
import { checkInHabitInputSchema, type CheckInHabitInput } from '../universal/habit-inputs.ts';
import { isDayMet } from '../universal/habit-periods.ts';
import { finishHabitChange, NO_UNLOCKS } from './finish-habit-change.ts';
import { assertHabitActive, habitDaysOf, lockOwnHabit } from './lock-habit.ts';
import { settleHabitDayXp } from './settle-habit-xp.ts';
import { storeStreakChange } from './store-habit-streak.ts';

export interface CheckInHabitCommand extends CheckInHabitInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Checks a habit in for a day (a second check-in the same day replaces its value, and its notes
 * when given), exactly once per idempotency key. The day may be the learner's local today or any
 * earlier day since the habit was created, in their time zone: earlier days would let a new
 * habit backfill years of XP. The stored streak moves incrementally under the habit's lock; the
 * day earns HABIT_DAY_XP when it turns met (and loses it when a lower value unmeets it).
 */
export async function checkInHabit(em: EntityManager, command: CheckInHabitCommand): Promise<CheckInResult> {
  const { userId, now, ...fields } = command;
  const input = parseInput(checkInHabitInputSchema, fields);
  const { idempotencyKey, ...request } = input;
  const { result } = await runIdempotent(
    em,
    { userId, key: idempotencyKey, operation: 'habit.check_in', request },
    async (tx) => {
      const habit = await lockOwnHabit(tx, userId, input.habitId);
      assertHabitActive(habit);
      const { today, firstDay } = habitDaysOf(habit, now);
      if (input.date > today) {
        throw new DomainError(
          'CHECK_IN_DATE_AHEAD',
          'BAD_INPUT',
          'You can check in today or an earlier day',
          {
            path: ['date'],
            today,
          },
        );
      }
      if (input.date < firstDay) {
        throw new DomainError(
          'CHECK_IN_BEFORE_HABIT',
          'BAD_INPUT',
          'This habit did not exist yet on that day',
          {
            path: ['date'],
            firstDay,
          },
        );
      }
      // `before` reads the statement's snapshot, so it is the day's value before this upsert.
      const [row] = await tx.execute<{ previous: number | null; notes: string | null }[]>(
        `with before as (select value from habit_completions where habit_id = ? and completion_date = ?)
         insert into habit_completions (habit_id, user_id, completion_date, value, notes, created_at)
         values (?, ?, ?, ?, ?, ?)
         on conflict (habit_id, completion_date) do update
           set value = excluded.value,
               notes = case when ? then excluded.notes else habit_completions.notes end
         returning (select value from before) as previous, notes`,
        [
          input.habitId,
          input.date,
          input.habitId,
          userId,
          input.date,
          input.value,
          input.notes ?? null,
          now,
          input.notes !== undefined,
        ],
      );
      if (!row) throw new Error('the check-in upsert returned nothing');
      const stored = await storeStreakChange(
        tx,
        { id: input.habitId, rule: habit.rule, streak: habit.streak },
        { date: input.date, previous: row.previous, value: input.value },
      );
      const met = isDayMet(habit.rule, input.date, input.value);
      const xpChange = await settleHabitDayXp(tx, {
        userId,
        habitId: input.habitId,
        date: input.date,
        met,
        now,
        timeZone: habit.timeZone,
      });
      // Only a day turning met can meet a new rule (habit streaks, check-in counts, XP totals).
      const unlocks = xpChange > 0 ? await awardUnlocks(tx, userId, now, habit.timeZone) : NO_UNLOCKS;
      return finishHabitChange(tx, {
        action: 'habit.checked_in',
        userId,
        habit,
        date: input.date,
        value: input.value,
        notes: row.notes,
        met,
        stored,
        xpChange,
        unlocks,
        now,
        today,
      });
    },
  );
  return result;
}
