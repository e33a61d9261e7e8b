import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomInt } from 'node:crypto';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { OAuthIdentity } from '../universal/oauth.ts';
import { baseUsername, usernameCandidates } from '../universal/oauth-username.ts';
import { insertAccount } from './sign-up.ts';
import { User } from './user.entity.ts';

const SUFFIX_ATTEMPTS = 8;

/**
 * `users.email` is required and unique, but a provider may share no email (TikTok never does).
 * Such accounts get an address under `.invalid`, a TLD reserved never to resolve (RFC 2606).
 */
export function placeholderEmail(provider: string, subject: string): string {
  const digest = createHash('sha256').update(`${provider}\0${subject}`).digest('hex').slice(0, 24);
  return `${provider}.${digest}@oauth.invalid`;
}

async function freeUsername(em: EntityManager, identity: OAuthIdentity): Promise<string> {
  const base = baseUsername(identity);
  const suffixes = Array.from({ length: SUFFIX_ATTEMPTS }, () => randomInt(1000, 10_000));
  const candidates = usernameCandidates(base, suffixes);
  const taken = await em.find(User, { username: { $in: candidates } }, { fields: ['username'] });
  const takenLower = new Set(taken.map((user) => user.username.toLowerCase()));
  const free = candidates.find((candidate) => !takenLower.has(candidate.toLowerCase()));
  if (!free) throw new DomainError('USERNAME_TAKEN', 'CONFLICT', 'No free username could be derived');
  return free;
}

/** A new learner for a first OAuth sign-in: no password, verified only if the provider says so. */
export async function createOAuthAccount(
  em: EntityManager,
  identity: OAuthIdentity,
  now: Date,
): Promise<User> {
  const username = await freeUsername(em, identity);
  const email = identity.email ?? placeholderEmail(identity.provider, identity.subject);
  return insertAccount(em, { email, username, passwordHash: null }, now, {
    isVerified: identity.email !== null && identity.emailVerified,
  });
}
