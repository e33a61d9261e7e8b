import { OAuthAccount } from '@questline/domain/identity/server/oauth-account.entity';
import { SESSION_COOKIE_NAME } from '@questline/domain/identity/server/session-token';
import { User } from '@questline/domain/identity/server/user.entity';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpLearner } from '../testing/callers.ts';
import { TestBrowser } from './testing/browser.ts';
import {
  DOWN_ID,
  OIDC_ID,
  startOAuthTestbed,
  TIKTOK_STYLE_ID,
  type OAuthTestbed,
} from './testing/oauth-testbed.ts';

const db = useTestDatabase();
let testbed: OAuthTestbed;

beforeAll(async () => {
  testbed = await startOAuthTestbed(db);
});
afterAll(async () => {
  await testbed?.close();
});

/** A query over HTTP with the browser's cookies: what the web app would see. */
async function query<T>(browser: TestBrowser, path: string): Promise<T> {
  const response = await browser.request(`${testbed.app.baseUrl}/trpc/${path}`);
  const body = (await response.json()) as { result: { data: { json: T } } };
  return body.result.data.json;
}
const me = (browser: TestBrowser) =>
  query<{ id: number; email: string; username: string } | null>(browser, 'auth.me');

/** A browser already signed in to Questline with a session token. */
function browserSignedInAs(token: string): TestBrowser {
  const browser = new TestBrowser();
  browser.setCookie(testbed.app.baseUrl, SESSION_COOKIE_NAME, token);
  return browser;
}

const linksOf = (userId: number) => db.em().find(OAuthAccount, { user: userId });
const expectSignInError = (response: Response, code: string) => {
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(`/signin?error=${code}`);
};

describe('OIDC sign-in against a real OpenID Provider', () => {
  it('creates a learner and a link on first sign-in, signs them in and returns to returnTo', async () => {
    const { login, email } = testbed.addAccount({ name: 'Ada Lovelace' });
    const browser = new TestBrowser();
    const callback = await testbed.authorize(browser, OIDC_ID, { login }, '/courses?unit=2');
    expect(callback.pathname).toBe(testbed.callbackPath(OIDC_ID));

    const response = await browser.request(callback);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/courses?unit=2');
    const account = await me(browser);
    expect(account).toMatchObject({ email, username: expect.stringMatching(/^ada_lovelace/) });

    const user = await db.em().findOneOrFail(User, { email });
    expect(user).toMatchObject({ isVerified: true, passwordHash: null });
    expect(await db.em().find(OAuthAccount, { user: user.id })).toMatchObject([
      { provider: OIDC_ID, providerUserId: login, email },
    ]);
  });

  it('signs the same user in again on a second sign-in, with a new session', async () => {
    const { login, email } = testbed.addAccount();
    const first = new TestBrowser();
    await testbed.signIn(first, OIDC_ID, { login });
    const firstUser = await me(first);
    const users = await db.em().count(User, {});

    const second = new TestBrowser();
    expect((await testbed.signIn(second, OIDC_ID, { login })).headers.get('location')).toBe('/');
    expect(await me(second)).toMatchObject({ id: firstUser?.id, email });
    expect(testbed.sessionToken(second)).not.toBe(testbed.sessionToken(first));
    expect(await db.em().count(User, {})).toBe(users);
    expect(await linksOf(firstUser?.id ?? 0)).toHaveLength(1);
  });

  it('links the provider to the signed-in user and rotates their session', async () => {
    const learner = await signedUpLearner(db);
    const { login } = testbed.addAccount();
    const browser = browserSignedInAs(learner.token);

    const response = await testbed.signIn(browser, OIDC_ID, { login }, '/settings');
    expect(response.headers.get('location')).toBe('/settings');
    expect(await me(browser)).toMatchObject({ id: learner.account.id, email: learner.input.email });
    expect(testbed.sessionToken(browser)).not.toBe(learner.token);
    expect(await me(browserSignedInAs(learner.token))).toBeNull();
    expect(await linksOf(learner.account.id)).toMatchObject([{ provider: OIDC_ID, providerUserId: login }]);
    expect(await query(browser, 'auth.linkedAccounts')).toMatchObject([{ provider: OIDC_ID }]);
  });

  it('links to the existing account whose email the provider verified', async () => {
    const learner = await signedUpLearner(db);
    const { login } = testbed.addAccount({ email: learner.input.email, email_verified: true });
    const browser = new TestBrowser();

    await testbed.signIn(browser, OIDC_ID, { login });
    expect(await me(browser)).toMatchObject({ id: learner.account.id });
    expect(await linksOf(learner.account.id)).toMatchObject([{ providerUserId: login }]);
  });

  it('never links on an email the provider did not verify', async () => {
    const learner = await signedUpLearner(db);
    const { login } = testbed.addAccount({ email: learner.input.email, email_verified: false });
    const browser = new TestBrowser();

    expectSignInError(await testbed.signIn(browser, OIDC_ID, { login }), 'oauth_email_in_use');
    expect(testbed.sessionToken(browser)).toBeUndefined();
    expect(await linksOf(learner.account.id)).toEqual([]);
    expect(await db.em().count(OAuthAccount, { providerUserId: login })).toBe(0);
  });

  it('refuses a deactivated user', async () => {
    const { login, email } = testbed.addAccount();
    await testbed.signIn(new TestBrowser(), OIDC_ID, { login });
    await db.em().nativeUpdate(User, { email }, { isActive: false });

    const browser = new TestBrowser();
    expectSignInError(await testbed.signIn(browser, OIDC_ID, { login }), 'account_disabled');
    expect(testbed.sessionToken(browser)).toBeUndefined();
  });

  it('sends a denied consent back to the sign-in page, creating nothing', async () => {
    const { login, email } = testbed.addAccount();
    const browser = new TestBrowser();

    expectSignInError(await testbed.signIn(browser, OIDC_ID, { login, consent: 'deny' }), 'access_denied');
    expect(testbed.sessionToken(browser)).toBeUndefined();
    expect(await db.em().count(User, { email })).toBe(0);
  });

  it('offers exactly the configured providers', async () => {
    expect(await query(new TestBrowser(), 'auth.oauthProviders')).toEqual([
      { id: OIDC_ID, label: 'Loopback OIDC' },
      { id: DOWN_ID, label: 'Down' },
      { id: TIKTOK_STYLE_ID, label: 'Clip' },
    ]);
  });
});
