import { checkInHabit } from '@questline/domain/habits/server/check-in-habit';
import { isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { addDays, toLocalDate } from '@questline/domain/game/universal/local-day';
import type pg from 'pg';
import { rawUser, serviceUser, WARMUP_CALLS, type BenchContext, type BenchPath } from '../context.ts';
import { inTransaction, rawIdempotency, rawRewards } from '../raw-rewards.ts';
import type { LearnerRange } from './complete-lesson.ts';

const ITERATIONS = 600;

/**
 * Daily habits created a year ago with a streak row, `perLearner` for each learner in each range
 * (learners ascending within each round), so each check-in turns a fresh day met: a 5 XP grant
 * and an unlock check.
 */
export async function insertDailyHabits(
  pool: pg.Pool,
  ranges: readonly LearnerRange[],
  perLearner: number,
  name: string,
): Promise<{ habitId: number; userId: number }[]> {
  const { rows } = await pool.query<{ id: string; user_id: string }>(
    `with learners as (select r.first + g as user_id
                         from unnest($1::bigint[], $2::int[]) as r(first, count), generate_series(0, r.count - 1) g),
          made as (insert into habits (user_id, name, goal_type, target_value, created_at)
                   select user_id, $4, 'daily', 1, now() - interval '1 year'
                     from generate_series(1, $3) round, learners order by round, user_id
                   returning id, user_id),
          streaks as (insert into habit_streaks (habit_id, current_streak, longest_streak) select id, 0, 0 from made)
     select id, user_id from made order by id`,
    [ranges.map((range) => range.first), ranges.map((range) => range.count), perLearner, name],
  );
  return rows.map((row) => ({ habitId: Number(row.id), userId: Number(row.user_id) }));
}

// One daily habit per measured learner on each side, checked in for today by each measured call.
async function prepareHabits(ctx: BenchContext): Promise<void> {
  const count = ITERATIONS + WARMUP_CALLS;
  await insertDailyHabits(
    ctx.pool,
    [
      { first: ctx.firstUserId, count },
      { first: ctx.firstUserId + ctx.userCount / 2, count },
    ],
    1,
    'Bench habit',
  );
}

async function habitOf(ctx: BenchContext, userId: number): Promise<number> {
  const habit = await ctx.pool.query<{ id: string }>(
    `select id from habits where user_id = $1 and name = 'Bench habit'`,
    [userId],
  );
  return Number(habit.rows[0]?.id);
}

export interface RawCheckIn {
  readonly userId: number;
  readonly habitId: number;
  /** The learner's local day being checked in (their today). */
  readonly today: string;
  readonly idempotencyKey: string;
  readonly now: Date;
}

export function rawCheckInHabit(pool: pg.Pool, { userId, habitId, today, idempotencyKey, now }: RawCheckIn) {
  return inTransaction(pool, async (client) => {
    const idempotency = await rawIdempotency(client, userId, idempotencyKey, 'habit.check_in');
    await client.query('select 1 from users where id = $1 for no key update', [userId]);
    const habit = await client.query(
      `select h.*, u.timezone from habits h join users u on u.id = h.user_id where h.id = $1 and h.user_id = $2 for update of h`,
      [habitId, userId],
    );
    const previous = await client.query(
      `select value, notes from habit_completions where habit_id = $1 and completion_date = $2`,
      [habitId, today],
    );
    await client.query(
      `insert into habit_completions (habit_id, user_id, completion_date, value) values ($1, $2, $3, 1)
       on conflict (habit_id, completion_date) do update set value = excluded.value`,
      [habitId, userId, today],
    );
    await client.query('select * from habit_streaks where habit_id = $1', [habitId]);
    await client.query(
      `select completion_date, value from habit_completions where habit_id = $1 and completion_date between $2 and $3`,
      [habitId, addDays(today, -60), today],
    );
    await client.query(
      `update habit_streaks set current_streak = 1, longest_streak = greatest(longest_streak, 1), last_completion_date = $2,
              strength = 7 where habit_id = $1`,
      [habitId, today],
    );
    await client.query(
      `with recursive generations (generation, id) as (
         select 0, id from xp_events where user_id = $1 and idempotency_key = $2
         union all
         select g.generation + 1, e.id from generations g join xp_events e on e.user_id = $1 and e.idempotency_key = $2::text || ':' || (g.generation + 1))
       select g.generation, g.id from generations g order by g.generation desc limit 1`,
      [userId, `habit:${habitId}:${today}`],
    );
    await rawRewards(client, {
      userId,
      source: 'habit',
      sourceRef: `habit:${habitId}:${today}`,
      xp: 5,
      ledgerKey: `habit:${habitId}:${today}`,
      now,
      localDate: today,
      timeZone: 'UTC',
      week: isoWeekOf(now),
      practice: false,
    });
    await client.query(
      'update user_profiles set total_habit_completions = total_habit_completions + 1 where user_id = $1',
      [userId],
    );
    await client.query('select xp, level from user_profiles where user_id = $1', [userId]);
    const response = { habitId, date: today, previous: previous.rows[0] ?? null, habit: habit.rows[0]?.id };
    await idempotency.store(response);
    return response;
  });
}

export const checkInHabitPath: BenchPath = {
  name: 'habit check-in',
  targets: { minRatio: 0.7 },
  whenMissed:
    "The service validates the date against the learner's local day, recomputes the habit streak window with the rule and settles XP by the day's state; the raw side writes the streak row directly.",
  iterations: ITERATIONS,
  prepare: prepareHabits,
  raw: async (ctx, i) => {
    const userId = rawUser(ctx, i);
    const habitId = await habitOf(ctx, userId);
    const now = new Date();
    return rawCheckInHabit(ctx.pool, {
      userId,
      habitId,
      today: toLocalDate(now, 'UTC'),
      idempotencyKey: `bench-raw-habit-${habitId}`,
      now,
    });
  },
  service: async (ctx, i) => {
    const userId = serviceUser(ctx, i);
    const habitId = await habitOf(ctx, userId);
    return checkInHabit(ctx.orm.em.fork(), {
      userId,
      habitId,
      date: toLocalDate(new Date(), 'UTC'),
      idempotencyKey: `bench-service-habit-${habitId}`,
      now: new Date(),
    });
  },
};
