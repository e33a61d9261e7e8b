import type { EntityManager } from '@mikro-orm/postgresql';
import { runIdempotent } from '../../shared/server/idempotent.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { CheckInResult } from '../universal/habit-dtos.ts';
import { undoHabitCheckInInputSchema, type UndoHabitCheckInInput } from '../universal/habit-inputs.ts';
import { finishHabitChange, NO_UNLOCKS } from './finish-habit-change.ts';
import { assertHabitActive, habitDaysOf, lockOwnHabit } from './lock-habit.ts';
import { settleHabitDayXp } from './settle-habit-xp.ts';
import { storeStreakChange } from './store-habit-streak.ts';

export interface UndoHabitCheckInCommand extends UndoHabitCheckInInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Removes a day's check-in, exactly once per idempotency key: the stored streak follows, and XP
 * granted for the day is taken back by a ledger entry reversing exactly that grant. A retry
 * under a new key finds no check-in (CHECK_IN_NOT_FOUND) and reverses nothing.
 */
export async function undoHabitCheckIn(
  em: EntityManager,
  command: UndoHabitCheckInCommand,
): Promise<CheckInResult> {
  const { userId, now, ...fields } = command;
  const input = parseInput(undoHabitCheckInInputSchema, fields);
  const { idempotencyKey, ...request } = input;
  const { result } = await runIdempotent(
    em,
    { userId, key: idempotencyKey, operation: 'habit.undo_check_in', request },
    async (tx) => {
      const habit = await lockOwnHabit(tx, userId, input.habitId);
      assertHabitActive(habit);
      const [removed] = await tx.execute<{ value: number }[]>(
        'delete from habit_completions where habit_id = ? and completion_date = ? returning value',
        [input.habitId, input.date],
      );
      if (!removed) {
        throw new DomainError('CHECK_IN_NOT_FOUND', 'NOT_FOUND', 'This habit has no check-in on that day', {
          path: ['date'],
        });
      }
      const stored = await storeStreakChange(
        tx,
        { id: input.habitId, rule: habit.rule, streak: habit.streak },
        { date: input.date, previous: removed.value, value: null },
      );
      const xpChange = await settleHabitDayXp(tx, {
        userId,
        habitId: input.habitId,
        date: input.date,
        met: false,
        now,
        timeZone: habit.timeZone,
      });
      return finishHabitChange(tx, {
        action: 'habit.check_in_undone',
        userId,
        habit,
        date: input.date,
        value: null,
        notes: null,
        met: false,
        stored,
        xpChange,
        unlocks: NO_UNLOCKS,
        now,
        today: habitDaysOf(habit, now).today,
      });
    },
  );
  return result;
}
