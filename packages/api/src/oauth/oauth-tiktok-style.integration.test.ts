import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { OAuthAccount } from '@questline/domain/identity/server/oauth-account.entity';
import { placeholderEmail } from '@questline/domain/identity/server/oauth-new-account';
import { User } from '@questline/domain/identity/server/user.entity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './testing/browser.ts';
import { startOAuthTestbed, TIKTOK_STYLE_ID, type OAuthTestbed } from './testing/oauth-testbed.ts';

const db = useTestDatabase();
let testbed: OAuthTestbed;

beforeAll(async () => {
  testbed = await startOAuthTestbed(db);
});
afterAll(async () => {
  await testbed?.close();
});

describe('sign-in through a TikTok-style plain OAuth 2.0 provider', () => {
  it('asks for authorization with client_key and comma-separated scopes, PKCE S256 and no nonce', async () => {
    const response = await new TestBrowser().request(testbed.startUrl(TIKTOK_STYLE_ID));
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.pathname).toBe('/v2/auth/authorize/');
    expect(target.searchParams.get('client_key')).toBe('questline-clip');
    expect(target.searchParams.has('client_id')).toBe(false);
    expect(target.searchParams.get('scope')).toBe('user.info.basic,user.info.profile');
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.has('nonce')).toBe(false);
  });

  it('creates a learner from the user info open_id and display name, then signs them in again', async () => {
    const { login } = testbed.addAccount({ name: 'Clip Star' });
    const first = new TestBrowser();
    expect((await testbed.signIn(first, TIKTOK_STYLE_ID, { login }, '/home')).headers.get('location')).toBe(
      '/home',
    );

    const link = await db
      .em()
      .findOneOrFail(
        OAuthAccount,
        { provider: TIKTOK_STYLE_ID, providerUserId: login },
        { populate: ['user'] },
      );
    // The provider shares no verified email: the account gets an unverified placeholder, never a match.
    expect(link.user).toMatchObject({
      email: placeholderEmail(TIKTOK_STYLE_ID, login),
      username: expect.stringMatching(/^clip_star/),
      isVerified: false,
      passwordHash: null,
    });
    expect(link.email).toBeNull();

    const users = await db.em().count(User, {});
    const second = new TestBrowser();
    await testbed.signIn(second, TIKTOK_STYLE_ID, { login });
    expect(testbed.sessionToken(second)).toBeDefined();
    expect(await db.em().count(User, {})).toBe(users);
    expect(await db.em().count(OAuthAccount, { user: link.user.id })).toBe(1);
  });
});
