import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Achievement } from './achievement.entity.ts';
import { AVATAR_RARITIES } from './seed-data/types.ts';

export const Avatar = defineEntity({
  name: 'Avatar',
  tableName: 'avatars',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    code: p.string().length(64).unique('avatars_code_unique'),
    name: p.string().length(100).unique('avatars_name_unique'),
    description: p.text().nullable(),
    imageUrl: p.string().length(500),
    /** Available to every learner from the start. */
    isDefault: p.boolean().default(false),
    requiredAchievement: () =>
      p
        .manyToOne(Achievement)
        .nullable()
        .deleteRule('set null')
        .index('avatars_required_achievement_id_index'),
    rarity: p.enum([...AVATAR_RARITIES]).nullable(),
    displayOrder: p.integer().default(0),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
});
export type Avatar = InferEntity<typeof Avatar>;
