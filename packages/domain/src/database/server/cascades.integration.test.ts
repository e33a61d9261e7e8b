import { describe, expect, it } from 'vitest';
import {
  errorOf,
  expectRefusal,
  foreignKey,
  type Row,
  SUITE_TABLES,
  update,
} from './testing/constraint-cases.ts';
import { ID, inRolledBackTransaction, useFixtureClient } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();
const client = useFixtureClient(db);

// Every test runs on the shared fixture inside a transaction that is rolled back.
const rolledBack = (work: () => Promise<void>) => () => inRolledBackTransaction(client(), work);

async function run(sql: string): Promise<void> {
  await client().query(sql);
}

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return (await client().query<Record<string, unknown>>(sql)).rows;
}

/** Row counts, keyed like `froms` (each a `table where …`). */
async function counts<K extends string>(froms: Record<K, string>): Promise<Record<K, number>> {
  const entries = await Promise.all(
    Object.entries<string>(froms).map(async ([key, from]) => {
      const [row] = await rowsOf(`select count(*)::int as n from ${from}`);
      return [key, Number(row?.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<K, number>;
}

describe('deleting a user', () => {
  it(
    'removes every row referencing them through a cascading key, and what hangs off those rows',
    rolledBack(async () => {
      const { rows: keys } = await client().query<{ table: string; column: string }>(`
        select c.conrelid::regclass::text as table, a.attname as column
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and c.confrelid = 'users'::regclass and c.confdeltype = 'c'
         order by 1, 2`);
      expect(keys.map((key) => `${key.table}.${key.column}`)).toEqual([
        'email_outbox.user_id',
        'email_verification_tokens.user_id',
        'habit_completions.user_id',
        'habits.user_id',
        'idempotency_records.user_id',
        'leaderboard_standings.user_id',
        'lesson_sessions.user_id',
        'oauth_accounts.user_id',
        'posts.author_id',
        'quiz_attempts.user_id',
        'reactions.user_id',
        'sessions.user_id',
        'user_achievements.user_id',
        'user_activity_logs.user_id',
        'user_answers.user_id',
        'user_avatars.user_id',
        'user_badges.user_id',
        'user_courses.user_id',
        'user_daily_xp.user_id',
        'user_exercise_interactions.user_id',
        'user_hearts_log.user_id',
        'user_highlights.user_id',
        'user_lesson_progress.user_id',
        'user_profiles.user_id',
        'user_stats_cache.user_id',
        'user_streak_days.user_id',
        'xp_events.user_id',
      ]);
      // The game engine's and email verification's tables start empty in the fixture.
      await run(`insert into lesson_sessions (user_id, lesson_id) values (${ID.alice}, ${ID.lesson1})`);
      await run(`insert into leaderboard_standings (board, scope, user_id, score, reached_at)
                 values ('xp_all_time', 'all', ${ID.alice}, 10, now())`);
      await run(`insert into idempotency_records (user_id, key, operation, request_hash)
                 values (${ID.alice}, 'cascade-key-1', 'lesson.complete', 'hash')`);
      await run(`insert into email_verification_tokens (user_id, token_hash, expires_at)
                 values (${ID.alice}, repeat('v', 64), now() + interval '1 day')`);
      await run(`insert into email_outbox (user_id, recipient, subject, body)
                 values (${ID.alice}, 'alice@example.test', 'Confirm', 'Hello')`);
      const aliceRows = {
        ...Object.fromEntries(
          keys.map((key) => [key.table, `${key.table} where ${key.column} = ${ID.alice}`]),
        ),
        habit_streaks: `habit_streaks where habit_id = ${ID.habit}`,
        'reactions to her post': `reactions where post_id = ${ID.alicePost}`,
        'answers in her attempt': `user_answers where quiz_attempt_id = ${ID.quizAttempt}`,
      };
      const before = await counts(aliceRows);
      expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);

      await run(`delete from users where id = ${ID.alice}`);

      expect(await counts(aliceRows)).toEqual(
        Object.fromEntries(Object.keys(aliceRows).map((key) => [key, 0])),
      );
      expect(
        await counts({
          bob: `users where id = ${ID.bob}`,
          profile: `user_profiles where user_id = ${ID.bob}`,
        }),
      ).toEqual({ bob: 1, profile: 1 });
    }),
  );

  it(
    'who granted a badge keeps the badge, without its granter; their audit entries lose their actor',
    rolledBack(async () => {
      await run(`delete from users where id = ${ID.bob}`);
      expect(
        await rowsOf(`select user_id::int, granted_by from user_badges where id = ${ID.userBadge}`),
      ).toEqual([{ user_id: ID.alice, granted_by: null }]);
      expect(
        await rowsOf(`select action, actor_id from system_audit_logs where id = ${ID.auditLog}`),
      ).toEqual([{ action: 'badge.grant', actor_id: null }]);
    }),
  );
});

describe('deleting content', () => {
  it(
    'a question keeps the answers, without their question',
    rolledBack(async () => {
      await run(`delete from questions where id = ${ID.question}`);
      expect(
        await rowsOf(`select user_answer, question_id from user_answers where id = ${ID.userAnswer}`),
      ).toEqual([{ user_answer: 'A', question_id: null }]);
    }),
  );

  it(
    'a quiz attempt removes its answers',
    rolledBack(async () => {
      await run(`delete from quiz_attempts where id = ${ID.quizAttempt}`);
      expect(await counts({ answers: `user_answers where quiz_attempt_id = ${ID.quizAttempt}` })).toEqual({
        answers: 0,
      });
    }),
  );

  it(
    'a post removes its reactions and highlights',
    rolledBack(async () => {
      await run(`delete from posts where id = ${ID.alicePost}`);
      expect(
        await counts({
          reactions: `reactions where post_id = ${ID.alicePost}`,
          highlights: `user_highlights where post_id = ${ID.alicePost}`,
          'other highlights': `user_highlights where post_id = ${ID.bobPost}`,
        }),
      ).toEqual({ reactions: 0, highlights: 0, 'other highlights': 1 });
    }),
  );

  it(
    'a badge removes its grants',
    rolledBack(async () => {
      await run(`delete from badges where id = ${ID.badge}`);
      expect(await counts({ grants: `user_badges where badge_id = ${ID.badge}` })).toEqual({ grants: 0 });
    }),
  );

  it(
    'an achievement removes who earned it and no longer gates its avatar',
    rolledBack(async () => {
      await run(`delete from achievements where id = ${ID.achievement}`);
      expect(await counts({ earned: `user_achievements where achievement_id = ${ID.achievement}` })).toEqual({
        earned: 0,
      });
      expect(
        await rowsOf(`select code, required_achievement_id from avatars where id = ${ID.foxAvatar}`),
      ).toEqual([{ code: 'fx-fox', required_achievement_id: null }]);
    }),
  );

  it(
    'an avatar removes its unlocks, clears the selection and the achievement that unlocked it',
    rolledBack(async () => {
      await run(`delete from avatars where id = ${ID.foxAvatar}`);
      expect(await counts({ unlocks: `user_avatars where avatar_id = ${ID.foxAvatar}` })).toEqual({
        unlocks: 0,
      });
      expect(
        await rowsOf(`select selected_avatar_id from user_profiles where user_id = ${ID.alice}`),
      ).toEqual([{ selected_avatar_id: null }]);
      expect(
        await rowsOf(`select code, unlocks_avatar_id from achievements where id = ${ID.achievement}`),
      ).toEqual([{ code: 'fx-first-quiz', unlocks_avatar_id: null }]);
    }),
  );

  it(
    'losing an unlocked avatar clears the selection of that avatar only',
    rolledBack(async () => {
      await run(`delete from user_avatars where user_id = ${ID.alice} and avatar_id = ${ID.foxAvatar}`);
      expect(
        await rowsOf(`select selected_avatar_id from user_profiles where user_id = ${ID.alice}`),
      ).toEqual([{ selected_avatar_id: null }]);

      await run(`insert into user_avatars (user_id, avatar_id) values (${ID.alice}, ${ID.foxAvatar})`);
      await run(update('user_profiles', { user_id: ID.alice }, { selected_avatar_id: ID.owlAvatar }));
      await run(`delete from user_avatars where user_id = ${ID.alice} and avatar_id = ${ID.foxAvatar}`);
      expect(
        await rowsOf(`select selected_avatar_id::int from user_profiles where user_id = ${ID.alice}`),
      ).toEqual([{ selected_avatar_id: ID.owlAvatar }]);
    }),
  );

  it(
    'a lesson removes its prerequisites (both ways), exercises links and progress, and keeps interactions without it',
    rolledBack(async () => {
      await run(`delete from lessons where id = ${ID.lesson1}`);
      expect(
        await counts({
          prerequisites: `lesson_prerequisites where ${ID.lesson1} in (lesson_id, required_lesson_id)`,
          exercises: `lesson_exercises where lesson_id = ${ID.lesson1}`,
          progress: `user_lesson_progress where lesson_id = ${ID.lesson1}`,
          'exercises themselves': `exercises where id in (${ID.translation}, ${ID.multipleChoice})`,
        }),
      ).toEqual({ prerequisites: 0, exercises: 0, progress: 0, 'exercises themselves': 2 });
      expect(
        await rowsOf(`select kind, lesson_id from user_exercise_interactions where user_id = ${ID.alice}`),
      ).toEqual([{ kind: 'attempt', lesson_id: null }]);
    }),
  );

  it(
    'a course removes its sections, units, lessons and enrolments',
    rolledBack(async () => {
      await run(`delete from courses where id = ${ID.course}`);
      expect(
        await counts({
          sections: `sections where course_id = ${ID.course}`,
          units: `units where id = ${ID.unit}`,
          lessons: `lessons where id in (${ID.lesson1}, ${ID.lesson2})`,
          enrolments: `user_courses where course_id = ${ID.course}`,
          languages: 'languages',
        }),
      ).toEqual({ sections: 0, units: 0, lessons: 0, enrolments: 0, languages: 3 });
    }),
  );

  it(
    'an exercise removes its options, audio, lesson links and interactions',
    rolledBack(async () => {
      await run(`delete from exercises where id in (${ID.translation}, ${ID.multipleChoice})`);
      await run('set constraints all immediate');
      expect(
        await counts({
          options: 'exercise_options',
          audio: 'audio_files',
          links: 'lesson_exercises',
          interactions: 'user_exercise_interactions',
        }),
      ).toEqual({ options: 0, audio: 0, links: 0, interactions: 0 });
    }),
  );

  it(
    'a habit removes its completions and its streak',
    rolledBack(async () => {
      await run(`delete from habits where id = ${ID.habit}`);
      expect(
        await counts({
          completions: `habit_completions where habit_id = ${ID.habit}`,
          streak: `habit_streaks where habit_id = ${ID.habit}`,
        }),
      ).toEqual({ completions: 0, streak: 0 });
    }),
  );

  it(
    'a language a course uses is refused',
    rolledBack(async () => {
      expectRefusal(
        await errorOf(run(`delete from languages where id = ${ID.english}`)),
        foreignKey('courses_from_language_id_foreign'),
      );
    }),
  );

  it(
    'a target language a course uses is refused',
    rolledBack(async () => {
      expectRefusal(
        await errorOf(run(`delete from languages where id = ${ID.spanish}`)),
        foreignKey('courses_to_language_id_foreign'),
      );
    }),
  );

  it(
    'an exercise type in use is refused',
    rolledBack(async () => {
      expectRefusal(
        await errorOf(run(`delete from exercise_types where id = ${ID.translationType}`)),
        foreignKey('exercises_exercise_type_id_foreign'),
      );
    }),
  );
});

// A plain-SQL UPDATE of each table with updated_at, by its key.
const UPDATES: Record<string, { key: Row; change: Row }> = {
  users: { key: { id: ID.alice }, change: { tagline: 'Learning Spanish' } },
  user_profiles: { key: { user_id: ID.alice }, change: { bio: 'Hi there' } },
  courses: { key: { id: ID.course }, change: { title: 'Spanish, from English' } },
  sections: { key: { id: ID.section }, change: { title: 'First steps' } },
  units: { key: { id: ID.unit }, change: { color: '#ff9600' } },
  lessons: { key: { id: ID.lesson1 }, change: { xp_reward: 15 } },
  exercises: { key: { id: ID.translation }, change: { prompt: '¡Hola!' } },
  user_courses: { key: { user_id: ID.alice }, change: { xp: 20 } },
  user_lesson_progress: { key: { user_id: ID.alice }, change: { attempts: 2 } },
  user_daily_xp: { key: { user_id: ID.alice }, change: { xp: 12 } },
  habits: { key: { id: ID.habit }, change: { name: 'Study fifteen minutes' } },
  habit_streaks: { key: { habit_id: ID.habit }, change: { strength: 20 } },
  posts: { key: { id: ID.alicePost }, change: { body: 'Hello, world' } },
};
const where = (key: Row) =>
  Object.entries(key)
    .map(([column, value]) => `${column} = ${String(value)}`)
    .join(' and ');

describe('updated_at', () => {
  it('is on exactly the tables updated below', async () => {
    const columns = await rowsOf(`
      select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'updated_at' order by 1`);
    expect(columns.map((column) => column.table_name)).toEqual(Object.keys(UPDATES).sort());
  });

  for (const [table, { key, change }] of Object.entries(UPDATES)) {
    it(
      `follows a plain-SQL UPDATE of ${table}`,
      rolledBack(async () => {
        const freshness = `select updated_at = now() as fresh from ${table} where ${where(key)}`;
        expect(await rowsOf(freshness)).toEqual([{ fresh: false }]);
        await run(update(table, key, change));
        expect(await rowsOf(freshness)).toEqual([{ fresh: true }]);
      }),
    );
  }

  it(
    'wins over a value the UPDATE sets itself',
    rolledBack(async () => {
      await run(`update posts set updated_at = '2000-01-01' where id = ${ID.alicePost}`);
      expect(
        await rowsOf(`select updated_at = now() as fresh from posts where id = ${ID.alicePost}`),
      ).toEqual([{ fresh: true }]);
    }),
  );
});

describe('the catalog', () => {
  it('has every foreign key column lead some full index', async () => {
    const uncovered = await rowsOf(`
      select c.conrelid::regclass::text || '.' || c.conname as key
        from pg_constraint c
       where c.contype = 'f' and c.connamespace = 'public'::regnamespace
         and not exists (
           select 1 from pg_index i
            where i.indrelid = c.conrelid and i.indpred is null
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey)
       order by 1`);
    expect(uncovered.map((row) => row.key)).toEqual([]);
  });

  it('has every table in one constraints.<suite>.integration.test.ts', async () => {
    const tables = await rowsOf(`
      select tablename from pg_tables
       where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1`);
    const inSuites: string[] = Object.values(SUITE_TABLES).flat();
    expect(inSuites.sort()).toEqual(tables.map((table) => table.tablename));
  });
});
