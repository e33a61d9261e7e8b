import { OAuthAccount } from '@questline/domain/identity/server/oauth-account.entity';
import { User } from '@questline/domain/identity/server/user.entity';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './testing/browser.ts';
import { OIDC_ID, startOAuthTestbed, type OAuthTestbed } from './testing/oauth-testbed.ts';

const db = useTestDatabase();
let testbed: OAuthTestbed;

beforeAll(async () => {
  testbed = await startOAuthTestbed(db);
});
afterAll(async () => {
  await testbed?.close();
});

/** `auth.me` over HTTP with the browser's cookies: what the web app would see. */
async function me(browser: TestBrowser): Promise<{ id: number; email: string; username: string } | null> {
  const response = await browser.request(`${testbed.app.baseUrl}/trpc/auth.me`);
  const body = (await response.json()) as { result: { data: { json: unknown } } };
  return body.result.data.json as { id: number; email: string; username: string } | null;
}

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
});
