import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('sessions_user_id_index'),
    // SHA-256 of the opaque token: a leaked table grants no session.
    tokenHash: p.string().length(64).unique('sessions_token_hash_unique'),
    createdAt: p.datetime().defaultRaw('now()'),
    expiresAt: p.datetime().index('sessions_expires_at_index'),
    lastSeenAt: p.datetime().defaultRaw('now()'),
    userAgent: p.string().length(512).nullable(),
    ip: p.string().length(64).nullable(),
  }),
});
export type Session = InferEntity<typeof Session>;
