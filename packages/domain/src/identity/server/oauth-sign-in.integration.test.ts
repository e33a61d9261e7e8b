import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UserProfile } from '../../game/server/user-profile.entity.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';
import { USERNAME_PATTERN } from '../universal/account.ts';
import type { OAuthIdentity } from '../universal/oauth.ts';
import { OAuthAccount } from './oauth-account.entity.ts';
import { placeholderEmail } from './oauth-new-account.ts';
import { signInWithOAuth } from './oauth-sign-in.ts';
import { Session } from './session.entity.ts';
import { resolveSession } from './sessions.ts';
import { signUp } from './sign-up.ts';
import { uniqueSignUpInput } from './testing/account-factory.ts';
import { User } from './user.entity.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const later = new Date('2026-03-02T08:00:00Z');
const meta = { userAgent: 'vitest' };

function identity(overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  const id = randomBytes(5).toString('hex');
  return {
    provider: 'google',
    subject: `sub-${id}`,
    email: `oauth.${id}@example.test`,
    emailVerified: true,
    name: `Oauth Person ${id}`,
    preferredUsername: null,
    ...overrides,
  };
}

const linksOf = (userId: number) => db.em().find(OAuthAccount, { user: userId });
const existingLearner = async () => (await signUp(db.em(), uniqueSignUpInput(), meta, now)).account;

describe('signInWithOAuth', () => {
  it('creates a verified learner with a game profile, a link and a session on first sign-in', async () => {
    const who = identity();
    const first = await signInWithOAuth(db.em(), who, meta, now);

    expect(first.outcome).toBe('created');
    expect(first.account).toMatchObject({ email: who.email, role: 'learner', isVerified: true });
    expect(first.account.username).toMatch(/^oauth_person_[0-9a-f]{10}$/);
    const user = await db.em().findOneOrFail(User, { id: first.account.id });
    expect(user.passwordHash).toBeNull();
    expect(await db.em().count(UserProfile, { user: user.id })).toBe(1);
    expect(await linksOf(user.id)).toMatchObject([
      { provider: 'google', providerUserId: who.subject, email: who.email, lastUsedAt: now },
    ]);
    expect(await resolveSession(db.em(), first.session.token, now)).toMatchObject({ id: user.id });
  });

  it('signs the same user in again, rotating the session and stamping last use', async () => {
    const who = identity();
    const first = await signInWithOAuth(db.em(), who, meta, now);
    const second = await signInWithOAuth(db.em(), who, meta, later, { previousToken: first.session.token });

    expect(second.outcome).toBe('signed-in');
    expect(second.account.id).toBe(first.account.id);
    expect(await resolveSession(db.em(), first.session.token, later)).toBeNull();
    expect(await resolveSession(db.em(), second.session.token, later)).not.toBeNull();
    expect(await linksOf(first.account.id)).toMatchObject([{ lastUsedAt: later }]);
  });

  it('makes a taken username unique with a numeric suffix', async () => {
    const taken = await existingLearner();
    const result = await signInWithOAuth(db.em(), identity({ preferredUsername: taken.username }), meta, now);
    expect(result.account.username).toMatch(new RegExp(`^${taken.username}_\\d{4}$`));
    expect(result.account.username).toMatch(USERNAME_PATTERN);
  });

  it('gives a provider without email an unverified placeholder address', async () => {
    const who = identity({ provider: 'tiktok', email: null, emailVerified: false });
    const result = await signInWithOAuth(db.em(), who, meta, now);
    expect(result.account).toMatchObject({
      email: placeholderEmail('tiktok', who.subject),
      isVerified: false,
    });
    expect(result.account.email).toMatch(/@oauth\.invalid$/);
  });

  it('links to the signed-in user even when the emails differ', async () => {
    const learner = await existingLearner();
    const result = await signInWithOAuth(db.em(), identity(), meta, now, { linkToUserId: learner.id });
    expect(result).toMatchObject({ outcome: 'linked', account: { id: learner.id, email: learner.email } });
  });

  it('links to the user whose email the provider verified', async () => {
    const learner = await existingLearner();
    const result = await signInWithOAuth(
      db.em(),
      identity({ email: learner.email.toUpperCase() }),
      meta,
      now,
    );
    expect(result).toMatchObject({ outcome: 'linked', account: { id: learner.id } });
  });

  it('never links on an unverified email, and writes nothing', async () => {
    const learner = await existingLearner();
    const who = identity({ email: learner.email, emailVerified: false });
    const error = await domainErrorOf(signInWithOAuth(db.em(), who, meta, now));
    expect(error).toMatchObject({ code: 'OAUTH_EMAIL_IN_USE', kind: 'CONFLICT' });
    expect(await db.em().count(OAuthAccount, { providerUserId: who.subject })).toBe(0);
    expect(await linksOf(learner.id)).toEqual([]);
  });

  it('refuses an identity linked to someone else while another user is signed in', async () => {
    const owner = await signInWithOAuth(db.em(), identity(), meta, now);
    const who = (await linksOf(owner.account.id))[0];
    const other = await existingLearner();
    const error = await domainErrorOf(
      signInWithOAuth(db.em(), identity({ subject: who?.providerUserId }), meta, later, {
        linkToUserId: other.id,
      }),
    );
    expect(error.code).toBe('OAUTH_LINKED_ELSEWHERE');
    expect(await linksOf(other.id)).toEqual([]);
    expect(await linksOf(owner.account.id)).toMatchObject([{ lastUsedAt: now }]);
  });

  it('refuses a second login at the same provider for one user', async () => {
    const learner = await existingLearner();
    await signInWithOAuth(db.em(), identity(), meta, now, { linkToUserId: learner.id });
    const second = identity();
    const error = await domainErrorOf(
      signInWithOAuth(db.em(), second, meta, now, { linkToUserId: learner.id }),
    );
    expect(error.code).toBe('PROVIDER_ALREADY_LINKED');
    expect(await db.em().count(OAuthAccount, { providerUserId: second.subject })).toBe(0);
  });

  it('refuses a deactivated user without starting a session or stamping the link', async () => {
    const who = identity();
    const first = await signInWithOAuth(db.em(), who, meta, now);
    await db.em().nativeUpdate(User, { id: first.account.id }, { isActive: false });
    const error = await domainErrorOf(signInWithOAuth(db.em(), who, meta, later));
    expect(error).toMatchObject({ code: 'ACCOUNT_DISABLED', kind: 'FORBIDDEN' });
    expect(await linksOf(first.account.id)).toMatchObject([{ lastUsedAt: now }]);
    expect(await db.em().count(Session, { user: first.account.id })).toBe(1);
  });
});
