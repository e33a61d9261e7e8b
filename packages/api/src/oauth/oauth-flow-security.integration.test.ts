import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { OAuthAccount } from '@questline/domain/identity/server/oauth-account.entity';
import { Session } from '@questline/domain/identity/server/session.entity';
import { SESSION_COOKIE_NAME } from '@questline/domain/identity/server/session-token';
import { User } from '@questline/domain/identity/server/user.entity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpLearner } from '../testing/callers.ts';
import { FLOW_COOKIE_NAME } from './flow-cookie.ts';
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

const expectSignInError = (response: Response, code: string) => {
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(`/signin?error=${code}`);
};
const flowCookieOf = (browser: TestBrowser) => browser.cookie(testbed.app.baseUrl, FLOW_COOKIE_NAME);

/** A flow run up to the provider's redirect back: the callback URL and the browser holding its cookie. */
async function pendingCallback(returnTo?: string) {
  const { login, email } = testbed.addAccount();
  const browser = new TestBrowser();
  const callback = await testbed.authorize(browser, OIDC_ID, { login }, returnTo);
  return { browser, callback, login, email };
}

async function expectNothingCreatedFor(email: string) {
  expect(await db.em().count(User, { email })).toBe(0);
}

describe('the start of an OAuth flow', () => {
  it('redirects to the provider with state, nonce and PKCE S256, in an httpOnly flow cookie', async () => {
    const response = await new TestBrowser().request(testbed.startUrl(OIDC_ID));
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${testbed.provider.issuer}/auth`);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      client_id: 'questline',
      response_type: 'code',
      redirect_uri: `${testbed.app.baseUrl}/auth/oauth/${OIDC_ID}/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith(`${FLOW_COOKIE_NAME}=`));
    expect(cookie).toMatch(/; Path=\/auth\/oauth\/; Max-Age=600; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toContain(target.searchParams.get('state') ?? 'no state');
  });

  it('answers 404 for an unknown provider or route and 405 for another method', async () => {
    const browser = new TestBrowser();
    for (const path of [
      '/auth/oauth/nope/start',
      '/auth/oauth/nope/callback',
      `/auth/oauth/${OIDC_ID}/finish`,
    ]) {
      expect((await browser.request(`${testbed.app.baseUrl}${path}`)).status).toBe(404);
    }
    expect((await browser.request(testbed.startUrl(OIDC_ID), { any: 'form' })).status).toBe(405);
  });

  it('sends the browser to the sign-in page when the provider cannot be reached', async () => {
    expectSignInError(await new TestBrowser().request(testbed.startUrl(DOWN_ID)), 'provider_unavailable');
  });

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses the open redirect returnTo=%s and lands on /',
    async (returnTo) => {
      const { login } = testbed.addAccount();
      const browser = new TestBrowser();
      const response = await testbed.signIn(browser, OIDC_ID, { login }, returnTo);
      expect(response.headers.get('location')).toBe('/');
      expect(testbed.sessionToken(browser)).toBeDefined();
    },
  );
});

describe('the callback of an OAuth flow', () => {
  it('refuses a callback without the flow cookie (another browser, or a forged link)', async () => {
    const { callback, email } = await pendingCallback();
    const stranger = new TestBrowser();
    expectSignInError(await stranger.request(callback), 'invalid_state');
    expect(testbed.sessionToken(stranger)).toBeUndefined();
    await expectNothingCreatedFor(email);
  });

  it('refuses a tampered state', async () => {
    const { browser, callback, email } = await pendingCallback();
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    expectSignInError(await browser.request(callback), 'invalid_state');
    await expectNothingCreatedFor(email);
  });

  it('refuses a tampered flow cookie', async () => {
    const { browser, callback, email } = await pendingCallback();
    const sealed = flowCookieOf(browser) ?? '';
    const flipped = `${sealed.slice(0, 10)}${sealed[10] === 'A' ? 'B' : 'A'}${sealed.slice(11)}`;
    browser.setCookie(testbed.app.baseUrl, FLOW_COOKIE_NAME, flipped, '/auth/oauth/');
    expectSignInError(await browser.request(callback), 'invalid_state');
    await expectNothingCreatedFor(email);
  });

  it("refuses a flow started for another provider at this provider's callback", async () => {
    const { browser, callback, email } = await pendingCallback();
    callback.pathname = testbed.callbackPath(TIKTOK_STYLE_ID);
    expectSignInError(await browser.request(callback), 'invalid_state');
    await expectNothingCreatedFor(email);
  });

  it('uses a flow once, and the provider refuses a replayed code even with the flow cookie', async () => {
    const { browser, callback, email } = await pendingCallback();
    const sealed = flowCookieOf(browser) ?? '';
    expect((await browser.request(callback)).headers.get('location')).toBe('/');
    expect(flowCookieOf(browser)).toBeUndefined();
    const user = await db.em().findOneOrFail(User, { email });
    const sessions = await db.em().count(Session, { user: user.id });

    expectSignInError(await browser.request(callback), 'invalid_state');
    const attacker = new TestBrowser();
    attacker.setCookie(testbed.app.baseUrl, FLOW_COOKIE_NAME, sealed, '/auth/oauth/');
    expectSignInError(await attacker.request(callback), 'oauth_failed');
    expect(testbed.sessionToken(attacker)).toBeUndefined();
    expect(await db.em().count(Session, { user: user.id })).toBe(sessions);
  });

  it('links nothing when the user who started a link flow signed out before the callback', async () => {
    const learner = await signedUpLearner(db);
    const browser = new TestBrowser();
    browser.setCookie(testbed.app.baseUrl, SESSION_COOKIE_NAME, learner.token);
    const callback = await testbed.authorize(browser, OIDC_ID, { login: testbed.addAccount().login });
    browser.deleteCookie(testbed.app.baseUrl, SESSION_COOKIE_NAME);

    expectSignInError(await browser.request(callback), 'invalid_state');
    expect(await db.em().count(OAuthAccount, { user: learner.account.id })).toBe(0);
  });
});
