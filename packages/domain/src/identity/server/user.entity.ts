import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { DAILY_XP_GOALS, ROLES } from '../universal/account.ts';
import { columnIsOneOf } from '../../shared/server/check-expressions.ts';

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    // citext: uniqueness and look-ups ignore case, enforced by PostgreSQL itself.
    email: p.string().columnType('citext').unique('users_email_unique'),
    username: p.string().columnType('citext').unique('users_username_unique'),
    passwordHash: p.text().nullable(),
    role: p.enum([...ROLES]).default('learner'),
    isActive: p.boolean().default(true),
    isVerified: p.boolean().default(false),
    tagline: p.text().nullable(),
    timezone: p.string().length(64).default('UTC'),
    dailyXpGoal: p.smallint().default(20),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [
    { name: 'users_username_format', expression: `username ~ '^[A-Za-z0-9_.]{3,30}$'` },
    { name: 'users_daily_xp_goal_allowed', expression: columnIsOneOf('daily_xp_goal', DAILY_XP_GOALS) },
  ],
});
export type User = InferEntity<typeof User>;
