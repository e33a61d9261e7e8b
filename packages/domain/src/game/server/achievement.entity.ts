import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';
import { CRITERIA_TYPES } from '../universal/criteria.ts';
import { ACHIEVEMENT_CATEGORIES } from './seed-data/types.ts';
import { Avatar } from './avatar.entity.ts';

export const Achievement = defineEntity({
  name: 'Achievement',
  tableName: 'achievements',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    code: p.string().length(64).unique('achievements_code_unique'),
    name: p.string().length(100).unique('achievements_name_unique'),
    description: p.text(),
    category: p.enum([...ACHIEVEMENT_CATEGORIES]),
    badgeIconUrl: p.string().length(500).nullable(),
    criteriaType: p.enum([...CRITERIA_TYPES]).index('achievements_criteria_type_index'),
    criteriaValue: p.integer(),
    /** Only for exam_specific. */
    criteriaExamType: p.enum([...EXAM_TYPES]).nullable(),
    xpReward: p.integer().default(0),
    unlocksAvatar: () =>
      p.manyToOne(Avatar).nullable().deleteRule('set null').index('achievements_unlocks_avatar_id_index'),
    displayOrder: p.integer().default(0),
    isHidden: p.boolean().default(false),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'achievements_criteria_value_positive', expression: 'criteria_value > 0' },
    {
      name: 'achievements_exam_type_only_for_exam_specific',
      expression: `(criteria_type = 'exam_specific') = (criteria_exam_type is not null)`,
    },
    { name: 'achievements_xp_reward_non_negative', expression: 'xp_reward >= 0' },
  ],
});
export type Achievement = InferEntity<typeof Achievement>;
