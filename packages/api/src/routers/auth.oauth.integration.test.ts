import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { OAuthAccount } from '@questline/domain/identity/server/oauth-account.entity';
import { signInWithOAuth } from '@questline/domain/identity/server/oauth-sign-in';
import type { OAuthIdentity } from '@questline/domain/identity/universal/oauth';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';

const db = useTestDatabase();
// The sessions these links start must still be valid for callers on the real clock.
const now = new Date();

const identity = (provider: string): OAuthIdentity => {
  const id = randomBytes(5).toString('hex');
  return {
    provider,
    subject: `sub-${id}`,
    email: `oauth.${id}@example.test`,
    emailVerified: true,
    name: null,
    preferredUsername: null,
  };
};

/** Links a provider identity to the user, as a completed OAuth flow would. */
const link = (userId: number, provider: string) =>
  signInWithOAuth(db.em(), identity(provider), {}, now, { linkToUserId: userId });

/** A learner who has only ever signed in through providers: no password. */
async function oauthOnlyLearner(...providers: [string, ...string[]]) {
  const [first, ...others] = providers;
  const { account, session } = await signInWithOAuth(db.em(), identity(first), {}, now);
  for (const provider of others) await link(account.id, provider);
  return { account, token: session.token, caller: await callerFor(db, session.token) };
}

const linksOf = (userId: number) =>
  db.em().find(OAuthAccount, { user: userId }, { orderBy: { provider: 'asc' } });

describe('auth.oauthProviders', () => {
  it('lists nothing when no provider is configured', async () => {
    expect(await (await callerFor(db)).auth.oauthProviders()).toEqual([]);
  });
});

describe('auth.linkedAccounts', () => {
  it("lists the user's own links and nobody else's", async () => {
    const owner = await signedUpLearner(db);
    await link(owner.account.id, 'google');
    await link(owner.account.id, 'corp-sso');
    const other = await signedUpLearner(db);

    expect(await owner.caller.auth.linkedAccounts()).toMatchObject([
      { provider: 'google', email: expect.stringMatching(/@example\.test$/), linkedAt: now, lastUsedAt: now },
      { provider: 'corp-sso' },
    ]);
    expect(await other.caller.auth.linkedAccounts()).toEqual([]);
  });

  it('needs a session', async () => {
    const error = await trpcErrorOf((await callerFor(db)).auth.linkedAccounts());
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('auth.unlinkOAuth', () => {
  it('removes a link of a user with a password and returns the links left', async () => {
    const learner = await signedUpLearner(db);
    await link(learner.account.id, 'google');
    await link(learner.account.id, 'tiktok');

    expect(await learner.caller.auth.unlinkOAuth({ provider: 'google' })).toMatchObject([
      { provider: 'tiktok' },
    ]);
    expect(await learner.caller.auth.unlinkOAuth({ provider: 'tiktok' })).toEqual([]);
    expect(await linksOf(learner.account.id)).toEqual([]);
  });

  it("cannot remove another user's link: NOT_FOUND, and the owner's link stays", async () => {
    const owner = await signedUpLearner(db);
    await link(owner.account.id, 'google');
    const intruder = await signedUpLearner(db);

    const error = await trpcErrorOf(intruder.caller.auth.unlinkOAuth({ provider: 'google' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await linksOf(owner.account.id)).toMatchObject([{ provider: 'google' }]);
  });

  it('keeps the only way to sign in of an account without a password', async () => {
    const { account, caller } = await oauthOnlyLearner('google');
    const error = await trpcErrorOf(caller.auth.unlinkOAuth({ provider: 'google' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.cause).toMatchObject({ code: 'LAST_SIGN_IN_METHOD' });
    expect(await linksOf(account.id)).toMatchObject([{ provider: 'google' }]);
  });

  it('lets a passwordless user drop one of two links, but never both, even at once', async () => {
    const { account, token } = await oauthOnlyLearner('google', 'tiktok');
    const [first, second] = [await callerFor(db, token), await callerFor(db, token)];
    const outcomes = await Promise.allSettled([
      first.auth.unlinkOAuth({ provider: 'google' }),
      second.auth.unlinkOAuth({ provider: 'tiktok' }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await linksOf(account.id)).toHaveLength(1);
  });

  it('refuses a malformed provider id with its field path, changing nothing', async () => {
    const learner = await signedUpLearner(db);
    await link(learner.account.id, 'google');
    const error = await trpcErrorOf(learner.caller.auth.unlinkOAuth({ provider: 'Google SSO!' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldPathsOf(error)).toEqual([['provider']]);
    expect(await linksOf(learner.account.id)).toHaveLength(1);
  });

  it('needs a session', async () => {
    const error = await trpcErrorOf((await callerFor(db)).auth.unlinkOAuth({ provider: 'google' }));
    expect(error.code).toBe('UNAUTHORIZED');
  });
});
