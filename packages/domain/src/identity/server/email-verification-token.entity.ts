import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

// A link sent to confirm an email address: only the SHA-256 of its token is kept, like sessions.
export const EmailVerificationToken = defineEntity({
  name: 'EmailVerificationToken',
  tableName: 'email_verification_tokens',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('email_verification_tokens_user_id_index'),
    tokenHash: p.string().length(64).unique('email_verification_tokens_token_hash_unique'),
    createdAt: p.datetime().defaultRaw('now()'),
    expiresAt: p.datetime(),
    /** Set when the link was used (or another of the user's links was): each works once. */
    usedAt: p.datetime().nullable(),
  }),
  checks: [
    { name: 'email_verification_tokens_expire_after_creation', expression: 'expires_at > created_at' },
  ],
});
export type EmailVerificationToken = InferEntity<typeof EmailVerificationToken>;
