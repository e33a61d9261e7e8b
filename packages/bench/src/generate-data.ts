import type pg from 'pg';

export const SCALE = {
  users: 10_000,
  quizAttempts: 1_000_000,
  posts: 50_000,
  reactions: 1_000_000,
  habits: 1_000,
  habitYears: 5,
} as const;

export interface GenerationTimings {
  readonly [step: string]: number;
}

async function timed(
  timings: Record<string, number>,
  step: string,
  run: () => Promise<unknown>,
): Promise<void> {
  const started = performance.now();
  await run();
  timings[step] = Math.round(performance.now() - started);
}

/**
 * Builds the benchmark's scale with set-based inserts (INSERT … SELECT over generate_series):
 * PostgreSQL makes the rows itself, nothing crosses the wire row by row. Deterministic, so two
 * runs measure the same data. `heavyUserId` is the learner with 1,000 habits × 5 years.
 */
export async function generateData(
  client: pg.ClientBase,
): Promise<{ timings: GenerationTimings; heavyUserId: number; firstUserId: number }> {
  const timings: Record<string, number> = {};
  // One placeholder hash for every generated user: they sign in through the benchmark, not argon2.
  await timed(timings, 'users', () =>
    client.query(
      `insert into users (email, username, password_hash, created_at)
       select 'bench' || i || '@example.test', 'bench_' || i, 'not-a-hash', now() - (i || ' minutes')::interval
         from generate_series(1, $1) i`,
      [SCALE.users],
    ),
  );
  await client.query(
    `insert into user_profiles (user_id, xp, level)
     select u.id, (u.id * 7919) % 20000, 1 from users u where u.email like 'bench%'`,
  );
  await client.query(
    `update user_profiles set level = floor((1 + sqrt(1 + 4 * xp / 25.0)) / 2) where level <> floor((1 + sqrt(1 + 4 * xp / 25.0)) / 2)`,
  );
  const { rows: bounds } = await client.query<{ first: string }>(
    `select min(id) as first from users where email like 'bench%'`,
  );
  const firstUser = Number(bounds[0]?.first);
  await timed(timings, 'quizAttempts', () =>
    client.query(
      `insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage, time_taken_seconds, xp_earned, completed_at)
       select $2 + (i % $3), (array['security','network','a1101','a1102'])[1 + i % 4], 10, c, c * 10, 300, c * 10 + case when c = 10 then 50 else 0 end,
              now() - ((i % 525600) || ' minutes')::interval
         from generate_series(1, $1) i, lateral (select (i * 2654435761 % 11)::int as c) s`,
      [SCALE.quizAttempts, firstUser, SCALE.users],
    ),
  );
  await timed(timings, 'standings', async () => {
    await client.query(
      `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
       select 'xp_all_time', 'all', p.user_id, p.xp, now() - ((p.user_id % 1000) || ' minutes')::interval
         from user_profiles p join users u on u.id = p.user_id where u.email like 'bench%'`,
    );
    await client.query(
      `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
       select 'quiz_best', exam_type, user_id, max(score_percentage), min(completed_at)
         from quiz_attempts where user_id >= $1 group by exam_type, user_id`,
      [firstUser],
    );
  });
  await timed(timings, 'posts', () =>
    client.query(
      `insert into posts (author_id, body, created_at)
       select $2 + (i % $3), 'Benchmark post ' || i, now() - ((i % 100000) || ' minutes')::interval
         from generate_series(1, $1) i`,
      [SCALE.posts, firstUser, SCALE.users],
    ),
  );
  const { rows: postBounds } = await client.query<{ first: string }>(
    `select min(id) as first from posts where body like 'Benchmark post %'`,
  );
  const firstPost = Number(postBounds[0]?.first);
  // Each user reacts to (reactions / users) distinct posts: post = (k·37 + user) mod posts.
  await timed(timings, 'reactions', () =>
    client.query(
      `insert into reactions (user_id, post_id, kind, created_at)
       select $2 + u, $4 + ((k * 37 + u) % $5), 'like', now() - ((k * $3 + u) || ' seconds')::interval
         from generate_series(0, $3 - 1) u, generate_series(0, $1 / $3 - 1) k`,
      [SCALE.reactions, firstUser, SCALE.users, firstPost, SCALE.posts],
    ),
  );
  const heavyUserId = firstUser;
  await timed(timings, 'habits', async () => {
    await client.query(
      `insert into habits (user_id, name, goal_type, target_value, schedule_mask, created_at)
       select $1, 'Habit ' || h, (array['daily','weekly','custom'])[1 + h % 3], case when h % 3 = 1 then 3 else 1 end,
              case when h % 3 = 2 then 21 else null end, now() - interval '5 years 1 day'
         from generate_series(1, $2) h`,
      [heavyUserId, SCALE.habits],
    );
    await client.query(
      `insert into habit_completions (habit_id, user_id, completion_date, value)
       select h.id, $1, d::date, 1 + (h.id + extract(doy from d)::int) % 2
         from habits h, generate_series(current_date - ($2 * 365), current_date, interval '1 day') d
        where h.user_id = $1 and (h.id * 31 + extract(doy from d)::int) % 9 <> 0`,
      [heavyUserId, SCALE.habitYears],
    );
    await client.query(
      `insert into habit_streaks (habit_id, current_streak, longest_streak, last_completion_date, strength)
       select h.id, 3, 20, current_date, 80 from habits h where h.user_id = $1`,
      [heavyUserId],
    );
  });
  // Bench learners hold every achievement and rule badge already: a measured call then does the
  // same unlock checks on both sides, instead of the service alone paying for first-time awards.
  await timed(timings, 'unlocks', async () => {
    await client.query(
      `insert into user_achievements (user_id, achievement_id, earned_at)
       select u.id, a.id, now() from users u cross join achievements a where u.email like 'bench%'`,
    );
    await client.query(
      `insert into user_badges (user_id, badge_id, unlocked_at)
       select u.id, b.id, now() from users u cross join badges b where u.email like 'bench%' and b.criteria_type is not null`,
    );
  });
  await client.query('analyze');
  return { timings, heavyUserId, firstUserId: firstUser };
}

/** The ids generateData returned, read back from a kept database that already holds the scale. */
export async function findGeneratedScale(
  client: pg.ClientBase,
): Promise<{ heavyUserId: number; firstUserId: number }> {
  const { rows } = await client.query<{ first: string }>(
    `select min(id) as first from users where email like 'bench%'`,
  );
  const firstUserId = Number(rows[0]?.first);
  return { heavyUserId: firstUserId, firstUserId };
}
