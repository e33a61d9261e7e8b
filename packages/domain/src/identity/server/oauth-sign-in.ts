import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { Account } from '../universal/account.ts';
import type { OAuthIdentity } from '../universal/oauth.ts';
import { toAccount } from './account-dto.ts';
import { OAuthAccount } from './oauth-account.entity.ts';
import { createOAuthAccount } from './oauth-new-account.ts';
import { createSession, revokeSession, type IssuedSession, type RequestMeta } from './sessions.ts';
import { User } from './user.entity.ts';

export interface OAuthSignInOptions {
  /** The user signed in when the flow started and still at its end: the identity is linked to them. */
  readonly linkToUserId?: number | null;
  /** The session the browser held before: it is ended, so the id rotates at every sign-in. */
  readonly previousToken?: string | undefined;
}

/** How the identity was matched: an existing link, a new link to a known user, or a new learner. */
export type OAuthSignInOutcome = 'signed-in' | 'linked' | 'created';

export interface OAuthSignInResult {
  readonly outcome: OAuthSignInOutcome;
  readonly account: Account;
  readonly session: IssuedSession;
}

const alreadyLinked = () =>
  new DomainError('PROVIDER_ALREADY_LINKED', 'CONFLICT', 'This account is linked to another login there');

async function linkTo(
  tx: EntityManager,
  user: User,
  identity: OAuthIdentity,
  now: Date,
): Promise<OAuthAccount> {
  const existing = await tx.count(OAuthAccount, { user, provider: identity.provider });
  if (existing > 0) throw alreadyLinked();
  return tx.create(OAuthAccount, {
    user,
    provider: identity.provider,
    providerUserId: identity.subject,
    email: identity.email,
    createdAt: now,
  });
}

/** The user an identity without a link belongs to: the signed-in one, a verified email match, or new. */
async function userForNewLink(
  tx: EntityManager,
  identity: OAuthIdentity,
  linkToUserId: number | null,
  now: Date,
): Promise<{ user: User; outcome: OAuthSignInOutcome }> {
  if (linkToUserId !== null) {
    return { user: await tx.findOneOrFail(User, { id: linkToUserId }), outcome: 'linked' };
  }
  const sameEmail = identity.email ? await tx.findOne(User, { email: identity.email }) : null;
  if (!sameEmail) return { user: await createOAuthAccount(tx, identity, now), outcome: 'created' };
  // Linking on an email the provider did not verify would hand the account to whoever typed it there.
  if (!identity.emailVerified) {
    throw new DomainError(
      'OAUTH_EMAIL_IN_USE',
      'CONFLICT',
      'An account with this email exists: sign in to it first, then link this provider',
    );
  }
  return { user: sameEmail, outcome: 'linked' };
}

/**
 * Signs in through a provider's identity: an existing link signs its user in; otherwise the identity
 * is linked to the signed-in user, or to the user whose email the provider verified, or to a new
 * learner. The previous session ends and a new one starts, all in one transaction.
 */
export async function signInWithOAuth(
  em: EntityManager,
  identity: OAuthIdentity,
  meta: RequestMeta,
  now: Date,
  options: OAuthSignInOptions = {},
): Promise<OAuthSignInResult> {
  const linkToUserId = options.linkToUserId ?? null;
  return em.transactional(async (tx) => {
    let link = await tx.findOne(
      OAuthAccount,
      { provider: identity.provider, providerUserId: identity.subject },
      { populate: ['user'] },
    );
    let outcome: OAuthSignInOutcome = 'signed-in';
    if (link && linkToUserId !== null && link.user.id !== linkToUserId) {
      throw new DomainError(
        'OAUTH_LINKED_ELSEWHERE',
        'CONFLICT',
        'This login is already linked to another Questline account',
      );
    }
    if (!link) {
      const match = await userForNewLink(tx, identity, linkToUserId, now);
      link = await linkTo(tx, match.user, identity, now);
      outcome = match.outcome;
    }
    const user = link.user;
    if (!user.isActive) {
      throw new DomainError('ACCOUNT_DISABLED', 'FORBIDDEN', 'This account has been deactivated');
    }
    link.lastUsedAt = now;
    if (identity.email) link.email = identity.email;
    if (options.previousToken) await revokeSession(tx, options.previousToken);
    const session = await createSession(tx, user.id, meta, now);
    return { outcome, account: toAccount(user), session };
  });
}
