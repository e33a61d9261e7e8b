import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Post } from './post.entity.ts';

// Seed 004: positions 0..n−1 per user. The (user, position) key is deferrable so a reorder can
// swap positions inside one transaction.
export const UserHighlight = defineEntity({
  name: 'UserHighlight',
  tableName: 'user_highlights',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('user_highlights_user_id_index'),
    post: p.manyToOne(Post).deleteRule('cascade').index('user_highlights_post_id_index'),
    position: p.integer(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [
    { properties: ['user', 'post'], name: 'user_highlights_user_post_unique' },
    {
      properties: ['user', 'position'],
      name: 'user_highlights_user_position_unique',
      deferMode: 'immediate',
    },
  ],
  indexes: [{ properties: ['user', 'position'], name: 'ix_user_highlights_user_position' }],
  checks: [{ name: 'user_highlights_position_range', expression: 'position >= 0 and position < 128' }],
});
export type UserHighlight = InferEntity<typeof UserHighlight>;
