import { completeLesson } from '@questline/domain/learning/server/complete-lesson';
import { isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { toLocalDate } from '@questline/domain/game/universal/local-day';
import type pg from 'pg';
import { rawUser, serviceUser, WARMUP_CALLS, type BenchContext, type BenchPath } from '../context.ts';
import { inTransaction, rawIdempotency, rawRewards } from '../raw-rewards.ts';

const ITERATIONS = 600;

/** A contiguous range of bench learners. */
export interface LearnerRange {
  readonly first: number;
  readonly count: number;
}

/**
 * Active lesson runs whose exercises were all answered correctly, ready to complete: one per
 * learner in each range for each of the catalog's first `lessons` lessons (by id). Returned in
 * lesson order, learners ascending within each, so consecutive completions go to different
 * learners. Completion checks no prerequisites, so any lesson serves.
 */
export async function insertAnsweredRuns(
  pool: pg.Pool,
  ranges: readonly LearnerRange[],
  lessons: number,
): Promise<{ sessionId: number; userId: number }[]> {
  const firsts = ranges.map((range) => range.first);
  const counts = ranges.map((range) => range.count);
  // Runs an earlier run left active (a kept database) would block new ones: set them aside.
  await pool.query(
    `update lesson_sessions s set status = 'abandoned' from unnest($1::bigint[], $2::int[]) as r(first, count)
      where s.status = 'active' and s.user_id between r.first and r.first + r.count - 1`,
    [firsts, counts],
  );
  const { rows } = await pool.query<{ id: string; user_id: string }>(
    `with lesson as (select id, row_number() over (order by id) as round from lessons order by id limit $3),
          learners as (select r.first + g as user_id
                         from unnest($1::bigint[], $2::int[]) as r(first, count), generate_series(0, r.count - 1) g),
          runs as (insert into lesson_sessions (user_id, lesson_id)
                   select l.user_id, lesson.id from learners l, lesson
                   returning id, user_id, lesson_id),
          answered as (
            insert into user_exercise_interactions (user_id, exercise_id, lesson_id, lesson_session_id, kind, answer_given, is_correct, time_spent_ms)
            select r.user_id, le.exercise_id, r.lesson_id, r.id, 'attempt', e.correct_answer, true, 20000
              from runs r join lesson_exercises le on le.lesson_id = r.lesson_id join exercises e on e.id = le.exercise_id)
     select r.id, r.user_id from runs r join lesson on lesson.id = r.lesson_id order by lesson.round, r.user_id`,
    [firsts, counts, lessons],
  );
  return rows.map((row) => ({ sessionId: Number(row.id), userId: Number(row.user_id) }));
}

// Every measured call completes a run whose exercises were all answered correctly beforehand
// (prepared in bulk, untimed): one active run of the first lesson per learner on each side.
async function prepareRuns(ctx: BenchContext): Promise<void> {
  const count = ITERATIONS + WARMUP_CALLS;
  await insertAnsweredRuns(
    ctx.pool,
    [
      { first: ctx.firstUserId, count },
      { first: ctx.firstUserId + ctx.userCount / 2, count },
    ],
    1,
  );
}

async function runOf(ctx: BenchContext, userId: number): Promise<number> {
  const run = await ctx.pool.query<{ id: string }>(
    `select id from lesson_sessions where user_id = $1 and status = 'active' limit 1`,
    [userId],
  );
  return Number(run.rows[0]?.id);
}

export interface RawLessonCompletion {
  readonly userId: number;
  readonly sessionId: number;
  readonly idempotencyKey: string;
  readonly now: Date;
}

export function rawCompleteLesson(
  pool: pg.Pool,
  { userId, sessionId, idempotencyKey, now }: RawLessonCompletion,
) {
  return inTransaction(pool, async (client) => {
    const idempotency = await rawIdempotency(client, userId, idempotencyKey, 'lesson.complete');
    const run = await client.query<{ lesson_id: string }>(
      `select lesson_id from lesson_sessions where id = $1 and user_id = $2 and status = 'active' for update`,
      [sessionId, userId],
    );
    const lessonId = run.rows[0]?.lesson_id;
    await client.query(
      `select le.exercise_id from lesson_exercises le where le.lesson_id = $1 and le.is_required
          and not exists (select 1 from user_exercise_interactions i where i.lesson_session_id = $2
                           and i.exercise_id = le.exercise_id and i.is_correct)`,
      [lessonId, sessionId],
    );
    const lesson = await client.query<{ xp_reward: number; key: string }>(
      'select xp_reward, key from lessons where id = $1',
      [lessonId],
    );
    const xp = lesson.rows[0]?.xp_reward ?? 0;
    await client.query(
      `update lesson_sessions set status = 'completed', completed_at = $2, xp_earned = $3 where id = $1`,
      [sessionId, now, xp],
    );
    await client.query(
      `insert into user_lesson_progress (user_id, lesson_id, status, attempts, best_score, started_at, completed_at)
       values ($1, $2, 'completed', 1, 100, $3, $3)
       on conflict (user_id, lesson_id) do update set status = 'completed', attempts = user_lesson_progress.attempts + 1,
         best_score = greatest(user_lesson_progress.best_score, 100), completed_at = $3`,
      [userId, lessonId, now],
    );
    await client.query(
      `insert into user_courses (user_id, course_id, xp, last_practiced_at)
       select $1, s.course_id, $3, $4 from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id where l.id = $2
       on conflict (user_id, course_id) do update set xp = user_courses.xp + $3, last_practiced_at = $4`,
      [userId, lessonId, xp, now],
    );
    await client.query(
      'update user_profiles set total_lessons_completed = total_lessons_completed + 1 where user_id = $1',
      [userId],
    );
    await rawRewards(client, {
      userId,
      source: 'lesson',
      sourceRef: lesson.rows[0]?.key ?? '',
      xp,
      ledgerKey: `lesson-session:${sessionId}`,
      now,
      localDate: toLocalDate(now, 'UTC'),
      timeZone: 'UTC',
      week: isoWeekOf(now),
      practice: true,
    });
    const response = { sessionId, xp };
    await idempotency.store(response);
    return response;
  });
}

export const completeLessonPath: BenchPath = {
  name: 'complete a lesson',
  targets: { minRatio: 0.7 },
  whenMissed:
    "The service does work the raw side skips: zod parsing of the request, superjson for the stored response, the study streak recomputed from the learner's stored days by the pure rule (the raw side only appends the day), the unlock check walking each rule in JS, and MikroORM's per-statement overhead (knex formatting, result mapping) on about 20 statements.",
  iterations: ITERATIONS,
  prepare: prepareRuns,
  raw: async (ctx, i) => {
    const userId = rawUser(ctx, i);
    const sessionId = await runOf(ctx, userId);
    return rawCompleteLesson(ctx.pool, {
      userId,
      sessionId,
      idempotencyKey: `bench-raw-lesson-${sessionId}`,
      now: new Date(),
    });
  },
  service: async (ctx, i) => {
    const userId = serviceUser(ctx, i);
    const sessionId = await runOf(ctx, userId);
    return completeLesson(ctx.orm.em.fork(), {
      userId,
      sessionId,
      idempotencyKey: `bench-service-lesson-${sessionId}`,
      now: new Date(),
    });
  },
};
