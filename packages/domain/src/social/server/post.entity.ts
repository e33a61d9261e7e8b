import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

export const Post = defineEntity({
  name: 'Post',
  tableName: 'posts',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    author: p.manyToOne(User).deleteRule('cascade').index('posts_author_id_index'),
    body: p.text(),
    createdAt: p.datetime().defaultRaw('now()').index('posts_created_at_index'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [{ name: 'posts_body_length', expression: 'char_length(body) >= 1 and char_length(body) <= 5000' }],
});
export type Post = InferEntity<typeof Post>;
