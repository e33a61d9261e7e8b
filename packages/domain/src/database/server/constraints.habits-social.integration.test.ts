import {
  check,
  trigger,
  describeConstraints,
  foreignKey,
  insert,
  sql,
  SUITE_TABLES,
  unique,
  update,
} from './testing/constraint-cases.ts';
import { FIXTURE_DAY, ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's; each case changes one thing.
const habit = { user_id: ID.alice, name: 'Read', goal_type: 'daily', target_value: 1, schedule_mask: null };
const customHabit = { ...habit, goal_type: 'custom', schedule_mask: 0b0011111 };
const completion = { habit_id: ID.habit, user_id: ID.alice, completion_date: '2026-03-02', value: 1 };
const streak = (changes: Record<string, number>) => update('habit_streaks', { habit_id: ID.habit }, changes);
const post = { author_id: ID.alice, body: 'Hi' };
const reaction = { user_id: ID.bob, post_id: ID.alicePost, kind: 'love' };
const highlight = { user_id: ID.bob, post_id: ID.alicePost, position: 0 };
/** Alice's highlights: alicePost at 0, bobPost at 1. */
const moveHighlight = (postId: number, position: number) =>
  update('user_highlights', { user_id: ID.alice, post_id: postId }, { position });

describeConstraints(db, {
  tables: SUITE_TABLES['habits-social'],
  refused: [
    // habits
    {
      refusedBy: check('habits_target_value_positive'),
      title: 'a target of 0',
      sql: insert('habits', { ...habit, target_value: 0 }),
    },
    {
      refusedBy: check('habits_schedule_only_for_custom'),
      title: 'a custom habit without a schedule',
      sql: insert('habits', { ...customHabit, schedule_mask: null }),
    },
    {
      refusedBy: check('habits_schedule_only_for_custom'),
      title: 'a daily habit with a schedule',
      sql: insert('habits', { ...habit, schedule_mask: 5 }),
    },
    {
      refusedBy: check('habits_schedule_mask_range'),
      title: 'a schedule of no day (mask 0)',
      sql: insert('habits', { ...customHabit, schedule_mask: 0 }),
    },
    {
      refusedBy: check('habits_schedule_mask_range'),
      title: 'a schedule mask of 128 (an eighth day)',
      sql: insert('habits', { ...customHabit, schedule_mask: 128 }),
    },
    {
      refusedBy: check('habits_goal_type_check'),
      title: 'an unknown goal type',
      sql: insert('habits', { ...habit, goal_type: 'monthly' }),
    },
    // habit_completions
    {
      refusedBy: unique('habit_completions_habit_date_unique'),
      title: 'two completions on one day',
      sql: insert('habit_completions', { ...completion, completion_date: FIXTURE_DAY }),
    },
    {
      refusedBy: check('habit_completions_value_non_negative'),
      title: 'a negative value',
      sql: insert('habit_completions', { ...completion, value: -1 }),
    },
    {
      refusedBy: trigger(
        'habit_completions_owner_matches',
        '23514',
        /belongs to user 2 but its parent to user 1/,
      ),
      title: "a completion filed under someone other than the habit's owner",
      sql: insert('habit_completions', { ...completion, user_id: ID.bob, completion_date: '2026-03-05' }),
    },
    {
      refusedBy: foreignKey('habit_completions_habit_id_foreign'),
      title: 'a completion of a missing habit',
      sql: insert('habit_completions', { ...completion, habit_id: 999 }),
    },
    // habit_streaks
    {
      refusedBy: unique('habit_streaks_pkey'),
      title: 'a second streak row for one habit',
      sql: insert('habit_streaks', { habit_id: ID.habit }),
    },
    {
      refusedBy: check('habit_streaks_current_non_negative'),
      title: 'a negative current streak',
      sql: streak({ current_streak: -1, longest_streak: 0 }),
    },
    {
      refusedBy: check('habit_streaks_longest_at_least_current'),
      title: 'a longest streak shorter than the current one',
      sql: streak({ current_streak: 5, longest_streak: 3 }),
    },
    {
      refusedBy: check('habit_streaks_strength_range'),
      title: 'a strength of 100.5',
      sql: streak({ strength: 100.5 }),
    },
    {
      refusedBy: check('habit_streaks_strength_range'),
      title: 'a strength of -1',
      sql: streak({ strength: -1 }),
    },
    // posts
    {
      refusedBy: check('posts_body_length'),
      title: 'an empty post',
      sql: insert('posts', { ...post, body: '' }),
    },
    {
      refusedBy: check('posts_body_length'),
      title: 'a post of 5001 characters',
      sql: insert('posts', { ...post, body: sql(`repeat('x', 5001)`) }),
    },
    {
      refusedBy: foreignKey('posts_author_id_foreign'),
      title: 'a post by a missing user',
      sql: insert('posts', { ...post, author_id: 999 }),
    },
    // reactions
    {
      refusedBy: unique('reactions_user_post_kind_unique'),
      title: 'the same reaction twice',
      sql: insert('reactions', { ...reaction, kind: 'like' }),
    },
    {
      refusedBy: check('reactions_kind_check'),
      title: 'an unknown kind',
      sql: insert('reactions', { ...reaction, kind: 'angry' }),
    },
    {
      refusedBy: foreignKey('reactions_post_id_foreign'),
      title: 'a reaction to a missing post',
      sql: insert('reactions', { ...reaction, post_id: 999 }),
    },
    // user_highlights
    {
      refusedBy: unique('user_highlights_user_post_unique'),
      title: 'highlighting one post twice',
      sql: insert('user_highlights', { ...highlight, user_id: ID.alice, position: 5 }),
    },
    {
      refusedBy: unique('user_highlights_user_position_unique'),
      title: 'two highlights at one position',
      sql: moveHighlight(ID.bobPost, 0),
    },
    {
      refusedBy: unique('user_highlights_user_position_unique'),
      title: 'a duplicate position still there at commit, even with the check deferred',
      arrange: ['set constraints user_highlights_user_position_unique deferred'],
      sql: moveHighlight(ID.bobPost, 0),
      atCommit: true,
    },
    {
      refusedBy: check('user_highlights_position_range'),
      title: 'position 128',
      sql: insert('user_highlights', { ...highlight, position: 128 }),
    },
    {
      refusedBy: check('user_highlights_position_range'),
      title: 'position -1',
      sql: insert('user_highlights', { ...highlight, position: -1 }),
    },
    // user_stats_cache
    {
      refusedBy: unique('user_stats_cache_user_id_unique'),
      title: 'a second cache row for one user',
      sql: insert('user_stats_cache', {
        user_id: ID.alice,
        stats_json: '{}',
        computed_at: sql('now()'),
        expires_at: sql('now()'),
      }),
    },
    // audit
    {
      refusedBy: foreignKey('user_activity_logs_user_id_foreign'),
      title: 'activity of a missing user',
      sql: insert('user_activity_logs', { user_id: 999, action: 'sign_in' }),
    },
    {
      refusedBy: foreignKey('system_audit_logs_actor_id_foreign'),
      title: 'an audit entry by a missing actor',
      sql: insert('system_audit_logs', { actor_id: 999, action: 'user.ban', entity_type: 'user' }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('habits', habit),
        insert('habits', customHabit),
        insert('habit_completions', completion),
        insert('posts', post),
        insert('reactions', reaction),
        insert('user_highlights', highlight),
      ],
    },
    {
      title: 'the schedule bounds (1 = one day, 127 = every day) and a weekly habit',
      sql: [
        insert('habits', { ...customHabit, schedule_mask: 1 }),
        insert('habits', { ...customHabit, schedule_mask: 127 }),
        insert('habits', { ...habit, goal_type: 'weekly', target_value: 3 }),
      ],
    },
    {
      title: 'a completion of value 0, and streak bounds (strength 0 and 100, longest = current)',
      sql: [
        insert('habit_completions', { ...completion, value: 0 }),
        streak({ strength: 0 }),
        streak({ strength: 100, current_streak: 4, longest_streak: 4 }),
      ],
    },
    {
      title: 'posts of 1 and 5000 characters',
      sql: [
        insert('posts', { ...post, body: 'x' }),
        insert('posts', { ...post, body: sql(`repeat('é', 5000)`) }),
      ],
    },
    {
      title: 'several kinds of reaction by one user to one post',
      sql: [insert('reactions', reaction), insert('reactions', { ...reaction, kind: 'insightful' })],
    },
    {
      title: 'highlight positions 0 and 127',
      sql: [
        insert('user_highlights', highlight),
        insert('user_highlights', { ...highlight, post_id: ID.bobPost, position: 127 }),
      ],
    },
    {
      title: 'swapping two highlight positions after SET CONSTRAINTS … DEFERRED',
      sql: [
        'set constraints user_highlights_user_position_unique deferred',
        moveHighlight(ID.alicePost, 1),
        moveHighlight(ID.bobPost, 0),
      ],
    },
    {
      title: 'an audit entry with no actor (the system)',
      sql: [insert('system_audit_logs', { actor_id: null, action: 'seed', entity_type: 'database' })],
    },
  ],
});
