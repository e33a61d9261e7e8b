import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { REACTION_KINDS } from '../universal/reactions.ts';
import { Post } from './post.entity.ts';

export const Reaction = defineEntity({
  name: 'Reaction',
  tableName: 'reactions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    post: p.manyToOne(Post).deleteRule('cascade').index('reactions_post_id_index'),
    kind: p.enum([...REACTION_KINDS]),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['user', 'post', 'kind'], name: 'reactions_user_post_kind_unique' }],
  indexes: [
    // Seed 004's reactions tab: the posts a user reacted to, newest first.
    {
      name: 'ix_reactions_user_created',
      expression: 'create index "ix_reactions_user_created" on "reactions" ("user_id", "created_at" desc)',
    },
  ],
});
export type Reaction = InferEntity<typeof Reaction>;
