import { check, describeConstraints, insert, SUITE_TABLES, unique } from './testing/constraint-cases.ts';
import { ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows for the game engine's own tables; each case changes one thing.
const session = { user_id: ID.alice, lesson_id: ID.lesson1, status: 'active' };
const standing = {
  board: 'xp_all_time',
  scope: 'all',
  user_id: ID.alice,
  score: 10,
  reached_at: '2026-03-01T10:00:00Z',
};
const record = {
  user_id: ID.alice,
  key: 'client-key-0001',
  operation: 'lesson.complete',
  request_hash: 'ab'.repeat(32),
};

describeConstraints(db, {
  tables: SUITE_TABLES.engine,
  refused: [
    // lesson_sessions
    {
      refusedBy: unique('lesson_sessions_one_active'),
      title: 'two active runs of one lesson',
      arrange: [insert('lesson_sessions', session)],
      sql: insert('lesson_sessions', session),
    },
    {
      refusedBy: check('lesson_sessions_status_check'),
      title: 'an unknown status',
      sql: insert('lesson_sessions', { ...session, status: 'paused' }),
    },
    {
      refusedBy: check('lesson_sessions_counts_non_negative'),
      title: 'a negative mistake count',
      sql: insert('lesson_sessions', { ...session, mistake_count: -1 }),
    },
    {
      refusedBy: check('lesson_sessions_completed_has_time'),
      title: 'completed without a completion time',
      sql: insert('lesson_sessions', { ...session, status: 'completed' }),
    },
    // leaderboard_standings
    {
      refusedBy: unique('leaderboard_standings_pkey'),
      title: 'two standings of one user on one board and scope',
      arrange: [insert('leaderboard_standings', standing)],
      sql: insert('leaderboard_standings', { ...standing, score: 20 }),
    },
    {
      refusedBy: check('leaderboard_standings_board_check'),
      title: 'an unknown board',
      sql: insert('leaderboard_standings', { ...standing, board: 'karma' }),
    },
    // idempotency_records
    {
      refusedBy: unique('idempotency_records_user_key_unique'),
      title: 'one key used twice by one user',
      arrange: [insert('idempotency_records', record)],
      sql: insert('idempotency_records', { ...record, operation: 'quiz.submit' }),
    },
    {
      refusedBy: check('idempotency_records_key_not_empty'),
      title: 'a key too short to be unique',
      sql: insert('idempotency_records', { ...record, key: 'abc' }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from, and a completed run beside an active one',
      sql: [
        insert('lesson_sessions', session),
        insert('lesson_sessions', { ...session, status: 'completed', completed_at: '2026-03-01T10:00:00Z' }),
        insert('leaderboard_standings', standing),
        insert('leaderboard_standings', { ...standing, user_id: ID.bob }),
        insert('idempotency_records', record),
        insert('idempotency_records', { ...record, user_id: ID.bob }),
      ],
    },
  ],
});
