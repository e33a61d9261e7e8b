import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';
import { Avatar } from './avatar.entity.ts';

export const UserAvatar = defineEntity({
  name: 'UserAvatar',
  tableName: 'user_avatars',
  properties: (p) => ({
    user: p.manyToOne(User).primary().deleteRule('cascade'),
    avatar: p.manyToOne(Avatar).primary().deleteRule('cascade').index('user_avatars_avatar_id_index'),
    unlockedAt: p.datetime().defaultRaw('now()'),
  }),
  indexes: [{ properties: ['user', 'unlockedAt'], name: 'user_avatars_user_unlocked_index' }],
});
export type UserAvatar = InferEntity<typeof UserAvatar>;
