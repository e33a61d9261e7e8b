import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { TestDatabase } from './test-database.ts';

// A small valid graph touching every table, written with plain SQL so that the schema tests check
// PostgreSQL alone, not the ORM. Rows get the fixed ids below; sequences are moved past them so
// rows inserted by a test never collide with the fixture.
export const ID = {
  /** A learner who owns a row in every per-user table. */
  alice: 1,
  /** An admin: granted alice's badge, wrote the audit log entry, reacted to alice's post. */
  bob: 2,
  english: 1,
  spanish: 2,
  french: 3,
  course: 1,
  section: 1,
  unit: 1,
  /** Position 0 of the unit. */
  lesson1: 1,
  /** Position 1 of the unit; requires lesson1. */
  lesson2: 2,
  translationType: 1,
  multipleChoiceType: 2,
  translation: 1,
  multipleChoice: 2,
  /** Position 0 of the multiple-choice exercise, the correct one. */
  correctOption: 1,
  /** Position 1 of the multiple-choice exercise. */
  wrongOption: 2,
  audioFile: 1,
  achievement: 1,
  /** Not default; unlocked by `achievement`; alice has unlocked and selected it. */
  foxAvatar: 1,
  /** A default avatar: anyone may select it. */
  owlAvatar: 2,
  badge: 1,
  userBadge: 1,
  question: 1,
  quizAttempt: 1,
  userAnswer: 1,
  /** +10 XP for alice. */
  xpEvent: 1,
  habit: 1,
  alicePost: 1,
  bobPost: 2,
  auditLog: 1,
} as const;

/** The local day every dated fixture row uses. */
export const FIXTURE_DAY = '2026-03-01';

const FIXTURE_SQL = [
  `insert into users (id, email, username, role) values
     (${ID.alice}, 'alice@example.test', 'alice', 'learner'),
     (${ID.bob}, 'bob@example.test', 'bob', 'admin')`,
  `insert into user_profiles (user_id) values (${ID.alice}), (${ID.bob})`,
  `insert into sessions (id, user_id, token_hash, expires_at) values
     (1, ${ID.alice}, repeat('a', 64), now() + interval '1 day')`,
  `insert into oauth_accounts (id, user_id, provider, provider_user_id) values (1, ${ID.alice}, 'github', 'gh-alice')`,

  // catalog
  `insert into languages (id, code, english_name, native_name, flag) values
     (${ID.english}, 'en', 'English', 'English', 'GB'),
     (${ID.spanish}, 'es', 'Spanish', 'Español', 'ES'),
     (${ID.french}, 'fr', 'French', 'Français', 'FR')`,
  `insert into courses (id, from_language_id, to_language_id, title) values
     (${ID.course}, ${ID.english}, ${ID.spanish}, 'Spanish for English speakers')`,
  `insert into sections (id, course_id, position, title) values (${ID.section}, ${ID.course}, 0, 'Basics')`,
  `insert into units (id, section_id, position, title, icon, color) values
     (${ID.unit}, ${ID.section}, 0, 'Greetings', 'wave', '#58cc02')`,
  `insert into lessons (id, unit_id, position, key, title, xp_reward, estimated_minutes) values
     (${ID.lesson1}, ${ID.unit}, 0, 'fx-hello', 'Hello', 10, 5),
     (${ID.lesson2}, ${ID.unit}, 1, 'fx-goodbye', 'Goodbye', 10, 5)`,
  `insert into lesson_prerequisites (lesson_id, required_lesson_id) values (${ID.lesson2}, ${ID.lesson1})`,
  `insert into exercise_types (id, code, name, default_xp) values
     (${ID.translationType}, 'translation', 'Translation', 10),
     (${ID.multipleChoiceType}, 'multiple_choice', 'Multiple choice', 10)`,
  `insert into exercises (id, key, exercise_type_id, prompt, correct_answer, difficulty) values
     (${ID.translation}, 'fx-translate-hola', ${ID.translationType}, 'Hola', 'Hello', 1),
     (${ID.multipleChoice}, 'fx-choose-hello', ${ID.multipleChoiceType}, 'Which one means hello?', 'Hola', 2)`,
  `insert into exercise_options (id, exercise_id, position, text, is_correct) values
     (${ID.correctOption}, ${ID.multipleChoice}, 0, 'Hola', true),
     (${ID.wrongOption}, ${ID.multipleChoice}, 1, 'Adiós', false)`,
  `insert into lesson_exercises (lesson_id, exercise_id, position) values
     (${ID.lesson1}, ${ID.translation}, 0),
     (${ID.lesson1}, ${ID.multipleChoice}, 1)`,
  `insert into audio_files (id, exercise_id, url, quality, duration_ms) values
     (${ID.audioFile}, ${ID.translation}, '/audio/hola-low.mp3', 'low', 1200)`,

  // learning
  `insert into user_courses (id, user_id, course_id, xp, completion_percent) values (1, ${ID.alice}, ${ID.course}, 10, 5)`,
  `insert into user_lesson_progress (id, user_id, lesson_id, status, attempts, best_score, started_at, completed_at) values
     (1, ${ID.alice}, ${ID.lesson1}, 'completed', 1, 90, now(), now())`,
  `insert into user_exercise_interactions (id, user_id, exercise_id, lesson_id, kind, answer_given, is_correct, time_spent_ms) values
     (1, ${ID.alice}, ${ID.translation}, ${ID.lesson1}, 'attempt', 'Hello', true, 1500)`,

  // quiz
  `insert into questions (id, question_id, exam_type, domain, question_text, correct_answer, options) values
     (${ID.question}, 'fx-sec-001', 'security', '1.1', 'Which control is preventive?', 'A',
      '{"A": "A firewall", "B": "A log", "C": "An audit", "D": "A report"}')`,
  `insert into quiz_attempts (id, user_id, exam_type, total_questions, correct_answers, score_percentage, time_taken_seconds, xp_earned) values
     (${ID.quizAttempt}, ${ID.alice}, 'security', 10, 8, 80, 300, 20)`,
  `insert into user_answers (id, user_id, quiz_attempt_id, question_id, user_answer, correct_answer, is_correct, time_spent_seconds) values
     (${ID.userAnswer}, ${ID.alice}, ${ID.quizAttempt}, ${ID.question}, 'A', 'A', true, 30)`,

  // game
  `insert into achievements (id, code, name, description, category, criteria_type, criteria_value, xp_reward) values
     (${ID.achievement}, 'fx-first-quiz', 'First quiz', 'Finish a quiz.', 'getting_started', 'quiz_completed', 1, 10)`,
  `insert into avatars (id, code, name, image_url, is_default, required_achievement_id, rarity) values
     (${ID.foxAvatar}, 'fx-fox', 'Fox', '/avatars/fox.svg', false, ${ID.achievement}, 'rare'),
     (${ID.owlAvatar}, 'fx-owl', 'Owl', '/avatars/owl.svg', true, null, 'common')`,
  `update achievements set unlocks_avatar_id = ${ID.foxAvatar} where id = ${ID.achievement}`,
  `insert into user_achievements (user_id, achievement_id) values (${ID.alice}, ${ID.achievement})`,
  `insert into user_avatars (user_id, avatar_id) values (${ID.alice}, ${ID.foxAvatar})`,
  `update user_profiles set selected_avatar_id = ${ID.foxAvatar}, xp = 10 where user_id = ${ID.alice}`,
  `insert into badges (id, code, name, description, icon) values (${ID.badge}, 'fx-helper', 'Helper', 'Helped.', 'star')`,
  `insert into user_badges (id, user_id, badge_id, granted_by) values (${ID.userBadge}, ${ID.alice}, ${ID.badge}, ${ID.bob})`,
  `insert into xp_events (id, user_id, amount, source, source_ref, idempotency_key, local_date) values
     (${ID.xpEvent}, ${ID.alice}, 10, 'lesson', 'lesson:${ID.lesson1}', 'fx-lesson-1', '${FIXTURE_DAY}')`,
  `insert into user_streak_days (id, user_id, local_date, status, reason, practiced_at, time_zone) values
     (1, ${ID.alice}, '${FIXTURE_DAY}', 'practiced', 'lesson', '${FIXTURE_DAY}T12:00:00Z', 'UTC')`,
  `insert into user_daily_xp (id, user_id, local_date, xp, goal, goal_met) values
     (1, ${ID.alice}, '${FIXTURE_DAY}', 10, 10, true)`,
  `insert into user_hearts_log (id, user_id, action, delta, balance_after, reason) values
     (1, ${ID.alice}, 'lost', -1, 4, 'wrong answer')`,

  // habits
  `insert into habits (id, user_id, name) values (${ID.habit}, ${ID.alice}, 'Study ten minutes')`,
  `insert into habit_completions (id, habit_id, user_id, completion_date) values
     (1, ${ID.habit}, ${ID.alice}, '${FIXTURE_DAY}')`,
  `insert into habit_streaks (habit_id, current_streak, longest_streak, last_completion_date, strength) values
     (${ID.habit}, 1, 1, '${FIXTURE_DAY}', 10)`,

  // social
  `insert into posts (id, author_id, body) values (${ID.alicePost}, ${ID.alice}, 'Hello world'), (${ID.bobPost}, ${ID.bob}, 'Welcome')`,
  `insert into reactions (id, user_id, post_id, kind) values
     (1, ${ID.bob}, ${ID.alicePost}, 'like'),
     (2, ${ID.alice}, ${ID.bobPost}, 'celebrate')`,
  `insert into user_highlights (id, user_id, post_id, position) values
     (1, ${ID.alice}, ${ID.alicePost}, 0),
     (2, ${ID.alice}, ${ID.bobPost}, 1)`,
  `insert into user_stats_cache (id, user_id, stats_json, computed_at, expires_at) values
     (1, ${ID.alice}, '{}', now(), now() + interval '1 hour')`,

  // audit
  `insert into user_activity_logs (id, user_id, action) values (1, ${ID.alice}, 'sign_in')`,
  `insert into system_audit_logs (id, actor_id, action, entity_type, entity_id) values
     (${ID.auditLog}, ${ID.bob}, 'badge.grant', 'user_badge', '${ID.userBadge}')`,

  `select setval(c.oid::regclass, 1000, false)
     from pg_class c
    where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace and c.relname <> 'mikro_orm_migrations_id_seq'`,
];

/** Writes the fixture in one transaction (the exactly-one-correct-option check runs at commit). */
export async function seedSchemaFixture(client: pg.Client): Promise<void> {
  await client.query('begin');
  try {
    for (const sql of FIXTURE_SQL) await client.query(sql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** A client on the test database with the fixture written in beforeAll, ended in afterAll. */
export function useFixtureClient(db: TestDatabase): () => pg.Client {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await seedSchemaFixture(client);
  });
  afterAll(async () => {
    await client?.end();
  });
  return () => {
    if (!client) throw new Error('useFixtureClient(): the client is ready only inside tests and hooks');
    return client;
  };
}

/** Runs `work` in a transaction that is always rolled back, so every test starts from the fixture. */
export async function inRolledBackTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    return await work();
  } finally {
    await client.query('rollback');
  }
}
