import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';
import { CRITERIA_TYPES } from '../universal/criteria.ts';

// Seed 000's Badges and seed 004's badge_definitions in one table: rule badges (STREAK_3) and
// admin-granted tag badges (early-adopter) alike.
export const Badge = defineEntity({
  name: 'Badge',
  tableName: 'badges',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    code: p.string().length(50).unique('badges_code_unique'),
    name: p.string().length(100),
    description: p.text(),
    icon: p.string().length(16).nullable(),
    iconUrl64: p.string().length(500).nullable().fieldName('icon_url_64'),
    iconUrl16: p.string().length(500).nullable().fieldName('icon_url_16'),
    isTagBadge: p.boolean().default(false),
    /** No criteria: granted by an admin. */
    criteriaType: p.enum([...CRITERIA_TYPES]).nullable(),
    criteriaValue: p.integer().nullable(),
    criteriaExamType: p.enum([...EXAM_TYPES]).nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'badges_has_artwork', expression: 'icon is not null or icon_url_64 is not null' },
    { name: 'badges_tag_badge_has_16px_art', expression: 'not is_tag_badge or icon_url_16 is not null' },
    { name: 'badges_criteria_complete', expression: '(criteria_type is null) = (criteria_value is null)' },
    { name: 'badges_criteria_value_positive', expression: 'criteria_value > 0' },
    {
      name: 'badges_exam_type_only_for_exam_specific',
      expression: `coalesce(criteria_type = 'exam_specific', false) = (criteria_exam_type is not null)`,
    },
  ],
});
export type Badge = InferEntity<typeof Badge>;
