import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE_NAME } from '@questline/domain/identity/server/session-token';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { authorizeAtProvider, type TestBrowser, type ProviderInteraction } from './browser.ts';
import { startOidcTestProvider, type OidcTestProvider, type TestAccount } from './oidc-test-provider.ts';
import { startTikTokStyleProvider, type TikTokStyleProvider } from './tiktok-style-provider.ts';

/** Provider ids the testbed configures: an OIDC issuer, a TikTok-style OAuth 2.0 one, one that is down. */
export const OIDC_ID = 'loopback';
export const TIKTOK_STYLE_ID = 'clip';
export const DOWN_ID = 'down';

export interface OAuthTestbed {
  readonly app: TestServer;
  readonly provider: OidcTestProvider;
  /** A new account at the provider, with unique claims unless overridden; returns its login. */
  addAccount(claims?: TestAccount): { login: string; email: string };
  startUrl(providerId: string, returnTo?: string): string;
  callbackPath(providerId: string): string;
  /** Runs the flow up to the provider's redirect back to us; returns that URL, not yet visited. */
  authorize(
    browser: TestBrowser,
    providerId: string,
    interaction: ProviderInteraction,
    returnTo?: string,
  ): Promise<URL>;
  /** The whole flow: start, provider pages, callback; returns our callback's response. */
  signIn(
    browser: TestBrowser,
    providerId: string,
    interaction: ProviderInteraction,
    returnTo?: string,
  ): Promise<Response>;
  sessionToken(browser: TestBrowser): string | undefined;
  close(): Promise<void>;
}

/** Our server, a real OpenID Provider and a TikTok-style facade in front of it, all on loopback. */
export async function startOAuthTestbed(db: TestDatabase): Promise<OAuthTestbed> {
  const provider = await startOidcTestProvider();
  let tiktok: TikTokStyleProvider | undefined;
  let app: TestServer | undefined;
  try {
    tiktok = await startTikTokStyleProvider(provider.issuer);
    const secret = randomBytes(16).toString('hex');
    const oidc = {
      id: OIDC_ID,
      label: 'Loopback OIDC',
      issuer: provider.issuer,
      clientId: 'questline',
      clientSecret: secret,
    };
    const clip = {
      id: TIKTOK_STYLE_ID,
      label: 'Clip',
      authorizationEndpoint: tiktok.authorizationEndpoint,
      tokenEndpoint: tiktok.tokenEndpoint,
      userinfoEndpoint: tiktok.userinfoEndpoint,
      clientId: 'questline-clip',
      clientSecret: secret,
      scopes: ['user.info.basic', 'user.info.profile'],
      scopeSeparator: ',',
      clientIdParameter: 'client_key',
      profile: { subject: 'data.user.open_id', name: 'data.user.display_name' },
    };
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    const down = { id: DOWN_ID, label: 'Down', issuer: 'http://127.0.0.1:9', clientId: 'questline' };
    app = await startTestServer(db, {
      env: {
        OIDC_PROVIDERS: JSON.stringify([oidc, down]),
        OAUTH2_PROVIDERS: JSON.stringify([clip]),
        AUTH_SECRET: randomBytes(32).toString('hex'),
      },
    });
    const callbackUrl = (id: string) => `${app?.baseUrl}/auth/oauth/${id}/callback`;
    provider.register([
      { clientId: oidc.clientId, clientSecret: secret, redirectUris: [callbackUrl(OIDC_ID)] },
      { clientId: clip.clientId, clientSecret: secret, redirectUris: [callbackUrl(TIKTOK_STYLE_ID)] },
    ]);
  } catch (error) {
    await Promise.all([provider.close(), tiktok?.close(), app?.close()]);
    throw error;
  }
  const server = app;
  const closeTikTok = tiktok.close;

  const testbed: OAuthTestbed = {
    app: server,
    provider,
    addAccount(claims) {
      const login = `person-${randomBytes(5).toString('hex')}`;
      const email = claims?.email ?? `${login}@provider.example`;
      provider.accounts.set(login, {
        email,
        email_verified: true,
        name: `Person ${login.slice(7)}`,
        ...claims,
      });
      return { login, email };
    },
    startUrl: (id, returnTo) =>
      `${server.baseUrl}/auth/oauth/${id}/start${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`,
    callbackPath: (id) => `/auth/oauth/${id}/callback`,
    authorize: (browser, id, interaction, returnTo) =>
      authorizeAtProvider(browser, testbed.startUrl(id, returnTo), server.baseUrl, interaction),
    async signIn(browser, id, interaction, returnTo) {
      return browser.request(await testbed.authorize(browser, id, interaction, returnTo));
    },
    sessionToken: (browser) => browser.cookie(server.baseUrl, SESSION_COOKIE_NAME),
    close: async () => {
      await Promise.all([server.close(), closeTikTok(), provider.close()]);
    },
  };
  return testbed;
}
