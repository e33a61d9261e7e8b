import {
  check,
  describeConstraints,
  foreignKey,
  insert,
  SUITE_TABLES,
  unique,
} from './testing/constraint-cases.ts';
import { ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's; each case changes one thing.
const achievement = {
  code: 'fx-ten-quizzes',
  name: 'Ten quizzes',
  description: 'Finish ten quizzes.',
  category: 'question_milestones',
  criteria_type: 'quiz_completed',
  criteria_value: 10,
  criteria_exam_type: null,
  xp_reward: 0,
};
const examAchievement = { ...achievement, criteria_type: 'exam_specific', criteria_exam_type: 'network' };
const avatar = {
  code: 'fx-cat',
  name: 'Cat',
  image_url: '/avatars/cat.svg',
  is_default: false,
  rarity: 'epic',
};
const badge = {
  code: 'fx-streak-7',
  name: 'Week streak',
  description: 'Seven days in a row.',
  icon: 'fire',
  icon_url_64: null,
  icon_url_16: null,
  is_tag_badge: false,
  criteria_type: 'study_streak',
  criteria_value: 7,
  criteria_exam_type: null,
};
const examBadge = { ...badge, criteria_type: 'exam_specific', criteria_exam_type: 'security' };

describeConstraints(db, {
  tables: SUITE_TABLES['game-rewards'],
  refused: [
    // achievements
    {
      refusedBy: check('achievements_criteria_value_positive'),
      title: 'a criteria value of 0',
      sql: insert('achievements', { ...achievement, criteria_value: 0 }),
    },
    {
      refusedBy: check('achievements_xp_reward_non_negative'),
      title: 'a negative XP reward',
      sql: insert('achievements', { ...achievement, xp_reward: -1 }),
    },
    {
      refusedBy: check('achievements_exam_type_only_for_exam_specific'),
      title: 'an exam-specific achievement without an exam type',
      sql: insert('achievements', { ...examAchievement, criteria_exam_type: null }),
    },
    {
      refusedBy: check('achievements_exam_type_only_for_exam_specific'),
      title: 'an exam type on another criteria type',
      sql: insert('achievements', { ...achievement, criteria_exam_type: 'network' }),
    },
    {
      refusedBy: check('achievements_criteria_type_check'),
      title: 'an unknown criteria type',
      sql: insert('achievements', { ...achievement, criteria_type: 'logins' }),
    },
    {
      refusedBy: check('achievements_criteria_exam_type_check'),
      title: 'an unknown exam type',
      sql: insert('achievements', { ...examAchievement, criteria_exam_type: 'ccna' }),
    },
    {
      refusedBy: check('achievements_category_check'),
      title: 'an unknown category',
      sql: insert('achievements', { ...achievement, category: 'misc' }),
    },
    {
      refusedBy: unique('achievements_code_unique'),
      title: 'a second achievement coded fx-first-quiz',
      sql: insert('achievements', { ...achievement, code: 'fx-first-quiz' }),
    },
    {
      refusedBy: unique('achievements_name_unique'),
      title: 'a second achievement named "First quiz"',
      sql: insert('achievements', { ...achievement, name: 'First quiz' }),
    },
    {
      refusedBy: foreignKey('achievements_unlocks_avatar_id_foreign'),
      title: 'unlocking a missing avatar',
      sql: insert('achievements', { ...achievement, unlocks_avatar_id: 999 }),
    },
    // user_achievements, user_avatars
    {
      refusedBy: unique('user_achievements_pkey'),
      title: 'earning an achievement twice',
      sql: insert('user_achievements', { user_id: ID.alice, achievement_id: ID.achievement }),
    },
    {
      refusedBy: unique('user_avatars_pkey'),
      title: 'unlocking an avatar twice',
      sql: insert('user_avatars', { user_id: ID.alice, avatar_id: ID.foxAvatar }),
    },
    {
      refusedBy: foreignKey('user_avatars_avatar_id_foreign'),
      title: 'unlocking a missing avatar',
      sql: insert('user_avatars', { user_id: ID.bob, avatar_id: 999 }),
    },
    // avatars
    {
      refusedBy: check('avatars_rarity_check'),
      title: 'an unknown rarity',
      sql: insert('avatars', { ...avatar, rarity: 'mythic' }),
    },
    {
      refusedBy: unique('avatars_name_unique'),
      title: 'a second avatar named Fox',
      sql: insert('avatars', { ...avatar, name: 'Fox' }),
    },
    {
      refusedBy: unique('avatars_code_unique'),
      title: 'a second avatar coded fx-fox',
      sql: insert('avatars', { ...avatar, code: 'fx-fox' }),
    },
    // badges
    {
      refusedBy: check('badges_has_artwork'),
      title: 'neither an icon nor 64 px art',
      sql: insert('badges', { ...badge, icon: null }),
    },
    {
      refusedBy: check('badges_tag_badge_has_16px_art'),
      title: 'a tag badge without 16 px art',
      sql: insert('badges', { ...badge, is_tag_badge: true }),
    },
    {
      refusedBy: check('badges_criteria_complete'),
      title: 'a criteria type without a value',
      sql: insert('badges', { ...badge, criteria_value: null }),
    },
    {
      refusedBy: check('badges_criteria_complete'),
      title: 'a criteria value without a type',
      sql: insert('badges', { ...badge, criteria_type: null }),
    },
    {
      refusedBy: check('badges_criteria_value_positive'),
      title: 'a criteria value of 0',
      sql: insert('badges', { ...badge, criteria_value: 0 }),
    },
    {
      refusedBy: check('badges_exam_type_only_for_exam_specific'),
      title: 'an exam-specific badge without an exam type',
      sql: insert('badges', { ...examBadge, criteria_exam_type: null }),
    },
    {
      refusedBy: check('badges_exam_type_only_for_exam_specific'),
      title: 'an exam type on another criteria type',
      sql: insert('badges', { ...badge, criteria_exam_type: 'security' }),
    },
    {
      refusedBy: check('badges_exam_type_only_for_exam_specific'),
      title: 'an exam type on a badge without criteria',
      sql: insert('badges', {
        ...badge,
        criteria_type: null,
        criteria_value: null,
        criteria_exam_type: 'security',
      }),
    },
    {
      refusedBy: check('badges_criteria_type_check'),
      title: 'an unknown criteria type',
      sql: insert('badges', { ...badge, criteria_type: 'logins' }),
    },
    {
      refusedBy: check('badges_criteria_exam_type_check'),
      title: 'an unknown exam type',
      sql: insert('badges', { ...examBadge, criteria_exam_type: 'ccna' }),
    },
    {
      refusedBy: unique('badges_code_unique'),
      title: 'a second badge coded fx-helper',
      sql: insert('badges', { ...badge, code: 'fx-helper' }),
    },
    // user_badges
    {
      refusedBy: unique('user_badges_user_badge_unique'),
      title: 'the same badge twice for one user',
      sql: insert('user_badges', { user_id: ID.alice, badge_id: ID.badge }),
    },
    {
      refusedBy: foreignKey('user_badges_badge_id_foreign'),
      title: 'a missing badge',
      sql: insert('user_badges', { user_id: ID.bob, badge_id: 999 }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('achievements', achievement),
        insert('achievements', { ...examAchievement, code: 'fx-network', name: 'Network' }),
        insert('avatars', avatar),
        insert('avatars', { ...avatar, code: 'fx-plain', name: 'Plain', rarity: null }),
        insert('badges', badge),
        insert('badges', { ...examBadge, code: 'fx-security', name: 'Security' }),
      ],
    },
    {
      title: 'a hand-granted badge without criteria, with 64 px art only',
      sql: [
        insert('badges', {
          ...badge,
          id: 50,
          icon: null,
          icon_url_64: '/badges/mentor-64.png',
          criteria_type: null,
          criteria_value: null,
        }),
        insert('user_badges', { user_id: ID.bob, badge_id: 50, granted_by: ID.bob }),
      ],
    },
    {
      title: 'a tag badge with 16 px art',
      sql: [insert('badges', { ...badge, is_tag_badge: true, icon_url_16: '/badges/streak-16.png' })],
    },
    {
      title: 'the same achievement, avatar and badge for another user',
      sql: [
        insert('user_achievements', { user_id: ID.bob, achievement_id: ID.achievement }),
        insert('user_avatars', { user_id: ID.bob, avatar_id: ID.foxAvatar }),
        insert('user_badges', { user_id: ID.bob, badge_id: ID.badge }),
      ],
    },
  ],
});
