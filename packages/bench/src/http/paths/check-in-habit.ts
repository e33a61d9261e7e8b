import { toLocalDate } from '@questline/domain/game/universal/local-day';
import { insertDailyHabits, rawCheckInHabit } from '../../paths/check-in-habit.ts';
import { suppliedFeed } from '../feeds.ts';
import { defineHttpPath } from '../http-path.ts';
import { rawPublishProgress } from '../raw-progress.ts';

interface CheckInInput {
  readonly habitId: number;
  readonly date: string;
  readonly idempotencyKey: string;
}

// Each request checks in a prepared daily habit of its learner for today (bench learners live
// in UTC), turning the day met under a fresh key.
export const checkInHabitHttpPath = defineHttpPath<CheckInInput>({
  name: 'habit check-in',
  procedure: 'habits.checkIn',
  kind: 'mutation',
  whenMissed: `As for lessons: about 21 statements in one transaction, each about 0.1–0.2 ms more CPU through MikroORM than through raw pg, plus the fixed cost of a request; the SQL is the same.`,
  feed: async (setup, side) => {
    const perLearner = Math.ceil(setup.supply / setup.learners.perSide);
    const habits = await insertDailyHabits(
      setup.pool,
      [setup.learners.rangeOf(side)],
      perLearner,
      'HTTP bench habit',
    );
    return suppliedFeed(habits, (habit) => ({
      userId: habit.userId,
      input: {
        habitId: habit.habitId,
        date: toLocalDate(new Date(), 'UTC'),
        idempotencyKey: `http-${setup.runId}-habit-${habit.habitId}`,
      },
    }));
  },
  raw: async (pool, userId, { habitId, date, idempotencyKey }) => {
    const result = await rawCheckInHabit(pool, {
      userId,
      habitId,
      today: date,
      idempotencyKey,
      now: new Date(),
    });
    await rawPublishProgress(pool, userId);
    return result;
  },
});
