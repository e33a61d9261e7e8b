import {
  check,
  describeConstraints,
  foreignKey,
  insert,
  type Row,
  trigger,
  SUITE_TABLES,
  unique,
  update,
} from './testing/constraint-cases.ts';
import { FIXTURE_DAY, ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's (alice's); each case changes one thing.
const bobsProfile = (changes: Row) => update('user_profiles', { user_id: ID.bob }, changes);
const xpEvent = {
  user_id: ID.alice,
  amount: 5,
  source: 'quiz',
  source_ref: `quiz:${ID.quizAttempt}`,
  idempotency_key: 'fx-quiz-1',
  local_date: FIXTURE_DAY,
};
/** Reverses the fixture's +10 XP event of alice. */
const reversal = {
  ...xpEvent,
  amount: -10,
  source: 'admin',
  idempotency_key: 'fx-reverse-1',
  reverses_event_id: ID.xpEvent,
};
const nextDay = '2026-03-02';
const streakDay = { user_id: ID.alice, local_date: nextDay, status: 'frozen', reason: 'streak freeze' };
const dailyXp = { user_id: ID.alice, local_date: nextDay, xp: 5, goal: 20, goal_met: false };
const heartsLog = { user_id: ID.alice, action: 'regenerated', delta: 1, balance_after: 5, reason: 'timer' };

const appendOnly = trigger('xp_events_append_only', '23001', /xp_events is append-only/);
const reversalMatches = trigger(
  'xp_events_reversal_matches',
  '23514',
  /a reversal must negate an entry of the same user/,
);
const avatarUnlocked = (avatarId: number, userId: number) =>
  trigger(
    'user_profiles_selected_avatar_unlocked',
    '23503',
    new RegExp(`avatar ${avatarId} is not unlocked for user ${userId}`),
  );

describeConstraints(db, {
  tables: SUITE_TABLES['game-progress'],
  refused: [
    // user_profiles
    {
      refusedBy: unique('user_profiles_pkey'),
      title: 'a second profile for one user',
      sql: insert('user_profiles', { user_id: ID.alice }),
    },
    {
      refusedBy: foreignKey('user_profiles_user_id_foreign'),
      title: 'a profile for a missing user',
      sql: insert('user_profiles', { user_id: 999 }),
    },
    { refusedBy: check('user_profiles_xp_non_negative'), title: 'negative XP', sql: bobsProfile({ xp: -1 }) },
    { refusedBy: check('user_profiles_level_positive'), title: 'level 0', sql: bobsProfile({ level: 0 }) },
    {
      refusedBy: check('user_profiles_hearts_non_negative'),
      title: '-1 hearts',
      sql: bobsProfile({ hearts: -1 }),
    },
    {
      refusedBy: check('user_profiles_streak_freezes_range'),
      title: '3 streak freezes',
      sql: bobsProfile({ streak_freezes: 3 }),
    },
    {
      refusedBy: check('user_profiles_streak_freezes_range'),
      title: '-1 streak freezes',
      sql: bobsProfile({ streak_freezes: -1 }),
    },
    {
      refusedBy: check('user_profiles_streaks_non_negative'),
      title: 'a negative current streak',
      sql: bobsProfile({ study_streak_current: -1 }),
    },
    {
      refusedBy: check('user_profiles_streaks_non_negative'),
      title: 'a longest streak shorter than the current one',
      sql: bobsProfile({ study_streak_current: 2, study_streak_longest: 1 }),
    },
    {
      refusedBy: check('user_profiles_totals_non_negative'),
      title: 'negative exams taken',
      sql: bobsProfile({ total_exams_taken: -1 }),
    },
    {
      refusedBy: check('user_profiles_totals_non_negative'),
      title: 'negative questions answered',
      sql: bobsProfile({ total_questions_answered: -1 }),
    },
    {
      refusedBy: check('user_profiles_totals_non_negative'),
      title: 'negative lessons completed',
      sql: bobsProfile({ total_lessons_completed: -1 }),
    },
    {
      refusedBy: avatarUnlocked(ID.foxAvatar, ID.bob),
      title: 'selecting an avatar the user has not unlocked',
      sql: bobsProfile({ selected_avatar_id: ID.foxAvatar }),
    },
    {
      refusedBy: avatarUnlocked(ID.foxAvatar, 3),
      title: 'a new profile created with a locked avatar',
      arrange: [insert('users', { id: 3, email: 'carol@example.test', username: 'carol' })],
      sql: insert('user_profiles', { user_id: 3, selected_avatar_id: ID.foxAvatar }),
    },
    {
      refusedBy: avatarUnlocked(999, ID.bob),
      title: 'selecting a missing avatar',
      sql: bobsProfile({ selected_avatar_id: 999 }),
    },
    // xp_events
    {
      refusedBy: check('xp_events_amount_non_zero'),
      title: 'an entry of 0 XP',
      sql: insert('xp_events', { ...xpEvent, amount: 0 }),
    },
    {
      refusedBy: unique('xp_events_user_idempotency_key_unique'),
      title: 'the same idempotency key twice for one user',
      sql: insert('xp_events', { ...xpEvent, idempotency_key: 'fx-lesson-1' }),
    },
    {
      refusedBy: check('xp_events_source_check'),
      title: 'an unknown source',
      sql: insert('xp_events', { ...xpEvent, source: 'gift' }),
    },
    {
      refusedBy: foreignKey('xp_events_user_id_foreign'),
      title: 'an entry for a missing user',
      sql: insert('xp_events', { ...xpEvent, user_id: 999 }),
    },
    {
      refusedBy: appendOnly,
      title: 'an UPDATE of an entry',
      sql: update('xp_events', { id: ID.xpEvent }, { amount: 20 }),
    },
    {
      refusedBy: appendOnly,
      title: 'a DELETE of an entry while its user exists',
      sql: `delete from xp_events where id = ${ID.xpEvent}`,
    },
    {
      refusedBy: reversalMatches,
      title: 'a reversal of a different amount',
      sql: insert('xp_events', { ...reversal, amount: -5 }),
    },
    {
      refusedBy: reversalMatches,
      title: 'a reversal with the same sign',
      sql: insert('xp_events', { ...reversal, amount: 10 }),
    },
    {
      refusedBy: reversalMatches,
      title: "a reversal of another user's entry",
      sql: insert('xp_events', { ...reversal, user_id: ID.bob }),
    },
    {
      refusedBy: reversalMatches,
      title: 'a reversal of a missing entry',
      sql: insert('xp_events', { ...reversal, reverses_event_id: 999 }),
    },
    {
      refusedBy: unique('xp_events_reverses_unique'),
      title: 'reversing an entry a second time',
      arrange: [insert('xp_events', reversal)],
      sql: insert('xp_events', { ...reversal, idempotency_key: 'fx-reverse-2' }),
    },
    // user_streak_days
    {
      refusedBy: unique('user_streak_days_user_date_unique'),
      title: 'two rows for one day',
      sql: insert('user_streak_days', { ...streakDay, local_date: FIXTURE_DAY }),
    },
    {
      refusedBy: check('user_streak_days_practice_has_instant_and_zone'),
      title: 'a practised day without its instant and zone',
      sql: insert('user_streak_days', { ...streakDay, status: 'practiced' }),
    },
    {
      refusedBy: check('user_streak_days_status_check'),
      title: 'an unknown status',
      sql: insert('user_streak_days', { ...streakDay, status: 'skipped' }),
    },
    // user_daily_xp
    {
      refusedBy: unique('user_daily_xp_user_date_unique'),
      title: 'two rows for one day',
      sql: insert('user_daily_xp', { ...dailyXp, local_date: FIXTURE_DAY }),
    },
    {
      refusedBy: check('user_daily_xp_goal_allowed'),
      title: 'a goal of 15',
      sql: insert('user_daily_xp', { ...dailyXp, goal: 15 }),
    },
    {
      refusedBy: check('user_daily_xp_goal_met_consistent'),
      title: 'goal met below the goal',
      sql: insert('user_daily_xp', { ...dailyXp, goal_met: true }),
    },
    {
      refusedBy: check('user_daily_xp_goal_met_consistent'),
      title: 'goal not met at the goal',
      sql: insert('user_daily_xp', { ...dailyXp, xp: 20, goal_met: false }),
    },
    {
      refusedBy: check('user_daily_xp_xp_non_negative'),
      title: 'negative XP',
      sql: insert('user_daily_xp', { ...dailyXp, xp: -1 }),
    },
    // user_hearts_log
    {
      refusedBy: check('user_hearts_log_balance_non_negative'),
      title: 'a balance of -1',
      sql: insert('user_hearts_log', { ...heartsLog, action: 'lost', delta: -1, balance_after: -1 }),
    },
    {
      refusedBy: check('user_hearts_log_action_check'),
      title: 'an unknown action',
      sql: insert('user_hearts_log', { ...heartsLog, action: 'stolen' }),
    },
    {
      refusedBy: check('user_hearts_log_delta_sign'),
      title: 'a heart lost with a positive delta',
      sql: insert('user_hearts_log', { ...heartsLog, action: 'lost', delta: 1 }),
    },
    {
      refusedBy: check('user_hearts_log_delta_sign'),
      title: 'a heart regenerated with a negative delta',
      sql: insert('user_hearts_log', { ...heartsLog, delta: -1 }),
    },
    {
      refusedBy: check('user_hearts_log_delta_sign'),
      title: 'a refill of 0',
      sql: insert('user_hearts_log', { ...heartsLog, action: 'refilled', delta: 0 }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('xp_events', xpEvent),
        insert('user_streak_days', streakDay),
        insert('user_daily_xp', dailyXp),
        insert('user_hearts_log', heartsLog),
      ],
    },
    {
      title: 'the profile bounds: 0 XP, level 1, 0 hearts, 2 freezes, longest = current streak',
      sql: [
        bobsProfile({ xp: 0, level: 1, hearts: 0, streak_freezes: 2 }),
        bobsProfile({ study_streak_current: 3, study_streak_longest: 3 }),
      ],
    },
    {
      title: 'selecting a default avatar without unlocking it',
      sql: [bobsProfile({ selected_avatar_id: ID.owlAvatar })],
    },
    {
      title: 'selecting an avatar once unlocked, and clearing the selection',
      sql: [
        insert('user_avatars', { user_id: ID.bob, avatar_id: ID.foxAvatar }),
        bobsProfile({ selected_avatar_id: ID.foxAvatar }),
        bobsProfile({ selected_avatar_id: null }),
      ],
    },
    {
      title: 'a reversing entry with the exact negated amount',
      sql: [insert('xp_events', reversal)],
    },
    {
      title: 'a negative entry that reverses nothing, and the same idempotency key for another user',
      sql: [
        insert('xp_events', { ...xpEvent, amount: -3 }),
        insert('xp_events', { ...xpEvent, user_id: ID.bob, idempotency_key: 'fx-lesson-1' }),
      ],
    },
    {
      title: 'a daily goal met exactly, for every allowed goal',
      sql: [10, 20, 30, 50].map((goal, day) =>
        insert('user_daily_xp', {
          ...dailyXp,
          local_date: `2026-04-0${day + 1}`,
          xp: goal,
          goal,
          goal_met: true,
        }),
      ),
    },
    {
      title: 'the last heart lost (balance 0) and a refill',
      sql: [
        insert('user_hearts_log', { ...heartsLog, action: 'lost', delta: -1, balance_after: 0 }),
        insert('user_hearts_log', { ...heartsLog, action: 'refilled', delta: 5 }),
      ],
    },
  ],
});
