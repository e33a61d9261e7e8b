import type pg from 'pg';

// The raw side of the shared reward pipeline (XP ledger, profile, level, daily row, standings,
// streak day, the stats read and rule lists of the unlock check, activity log): the same
// statements the services send, written once by hand for plain pg.

export interface RawReward {
  readonly userId: number;
  readonly source: 'lesson' | 'quiz' | 'habit';
  readonly sourceRef: string;
  readonly xp: number;
  readonly ledgerKey: string;
  readonly now: Date;
  readonly localDate: string;
  readonly timeZone: string;
  readonly week: string;
  /** Lessons and quizzes make a practice day; habits do not. */
  readonly practice: boolean;
}

export async function rawRewards(client: pg.PoolClient, reward: RawReward): Promise<void> {
  const { userId, now, localDate } = reward;
  const ledger = await client.query(
    `insert into xp_events (user_id, amount, source, source_ref, idempotency_key, occurred_at, local_date)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (user_id, idempotency_key) do nothing returning id`,
    [userId, reward.xp, reward.source, reward.sourceRef, reward.ledgerKey, now, localDate],
  );
  if (ledger.rowCount) {
    const profile = await client.query<{ xp: number }>(
      'update user_profiles set xp = xp + $1 where user_id = $2 returning xp',
      [reward.xp, userId],
    );
    const xp = profile.rows[0]?.xp ?? 0;
    await client.query(
      'update user_profiles set level = floor((1 + sqrt(1 + 4 * $1 / 25.0)) / 2) where user_id = $2 and level <> floor((1 + sqrt(1 + 4 * $1 / 25.0)) / 2)',
      [xp, userId],
    );
    await client.query(
      `insert into user_daily_xp (user_id, local_date, xp, goal, goal_met)
       select u.id, $2, greatest($3, 0), u.daily_xp_goal, greatest($3, 0) >= u.daily_xp_goal from users u where u.id = $1
       on conflict (user_id, local_date) do update
         set xp = greatest(user_daily_xp.xp + $3, 0), goal_met = greatest(user_daily_xp.xp + $3, 0) >= user_daily_xp.goal`,
      [userId, localDate, reward.xp],
    );
    await client.query(
      `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
       values ('xp_all_time', 'all', $1, $2, $4), ('xp_weekly', $3, $1, $5, $4)
       on conflict (board, scope, user_id) do update
         set score = case when excluded.board = 'xp_weekly' then leaderboard_standings.score + excluded.score else excluded.score end,
             reached_at = excluded.reached_at`,
      [userId, xp, reward.week, now, reward.xp],
    );
  }
  if (reward.practice) {
    await client.query('select study_streak_current from user_profiles where user_id = $1 for update', [
      userId,
    ]);
    await client.query(
      'select local_date, status, reason from user_streak_days where user_id = $1 order by local_date',
      [userId],
    );
    const day = await client.query(
      `insert into user_streak_days (user_id, local_date, status, reason, created_at, practiced_at, time_zone)
       values ($1, $2, 'practiced', $3, $4, $4, $5)
       on conflict (user_id, local_date) do nothing returning id`,
      [userId, localDate, reward.sourceRef, now, reward.timeZone],
    );
    if (day.rowCount) {
      await client.query(
        `update user_profiles set study_streak_current = study_streak_current + 1,
                study_streak_longest = greatest(study_streak_longest, study_streak_current + 1), last_activity_date = $2
          where user_id = $1`,
        [userId, localDate],
      );
    }
  }
  await client.query(
    `select (select count(*) from quiz_attempts where user_id = p.user_id) as quizzes,
            (select count(*) from quiz_attempts where user_id = p.user_id and correct_answers = total_questions) as perfect,
            (select count(*) from quiz_attempts where user_id = p.user_id and score_percentage >= 90) as high,
            (select count(*) from user_answers where user_id = p.user_id and is_correct) as correct,
            (select jsonb_object_agg(exam_type, n) from (select exam_type, count(*) as n from quiz_attempts
              where user_id = p.user_id group by exam_type) e) as by_exam,
            (select coalesce(max(s.longest_streak), 0) from habit_streaks s join habits h on h.id = s.habit_id where h.user_id = p.user_id) as habit,
            (select count(*) from user_daily_xp where user_id = p.user_id and goal_met) as goals,
            p.*
       from user_profiles p where p.user_id = $1`,
    [userId],
  );
  await client.query(
    `select a.id, a.criteria_type, a.criteria_value from achievements a
      where not exists (select 1 from user_achievements ua where ua.user_id = $1 and ua.achievement_id = a.id)`,
    [userId],
  );
  await client.query(
    `select b.id, b.criteria_type, b.criteria_value from badges b where b.criteria_type is not null
        and not exists (select 1 from user_badges ub where ub.user_id = $1 and ub.badge_id = b.id)`,
    [userId],
  );
  await client.query(
    `insert into user_activity_logs (user_id, action, entity_type, entity_id, metadata, occurred_at)
     values ($1, $2, $3, $4, '{}'::jsonb, $5)`,
    [userId, `${reward.source}.completed`, reward.source, reward.sourceRef, now],
  );
}

/** Runs `work` in a transaction on one pooled connection, as the services' em.transactional does. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** The idempotency record every rewarding request starts with, and its stored response. */
export async function rawIdempotency(client: pg.PoolClient, userId: number, key: string, operation: string) {
  const record = await client.query<{ id: string }>(
    `insert into idempotency_records (user_id, key, operation, request_hash) values ($1, $2::text, $3, md5($2::text))
     on conflict (user_id, key) do nothing returning id`,
    [userId, key, operation],
  );
  return {
    store: (response: unknown) =>
      client.query('update idempotency_records set response = $1::jsonb where id = $2', [
        JSON.stringify(response),
        record.rows[0]?.id,
      ]),
  };
}
