import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

// A sign-in identity at an OAuth/OIDC provider (google, tiktok, or any configured issuer).
export const OAuthAccount = defineEntity({
  name: 'OAuthAccount',
  tableName: 'oauth_accounts',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade'),
    provider: p.string().length(64),
    providerUserId: p.string().length(255),
    email: p.string().length(254).nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    lastUsedAt: p.datetime().nullable(),
  }),
  uniques: [
    { properties: ['provider', 'providerUserId'], name: 'oauth_accounts_provider_subject_unique' },
    { properties: ['user', 'provider'], name: 'oauth_accounts_user_provider_unique' },
  ],
});
export type OAuthAccount = InferEntity<typeof OAuthAccount>;
