import { emailSchema } from '@questline/domain/identity/universal/account';
import type { OAuthIdentity } from '@questline/domain/identity/universal/oauth';
import * as client from 'openid-client';
import {
  isLoopbackHttp,
  type OAuth2ProviderSettings,
  type OidcProviderSettings,
  type ProviderSettings,
} from './provider-config.ts';

const REQUEST_TIMEOUT_SECONDS = 10;
const MAX_SUBJECT_LENGTH = 255;

/** What one authorization request carries and its callback is checked against. */
export interface AuthorizationRequest {
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OAuthProvider {
  readonly id: string;
  readonly label: string;
  /** Where to send the browser: the provider's authorization endpoint with state, nonce and PKCE S256. */
  authorizationUrl(request: AuthorizationRequest): Promise<URL>;
  /** Exchanges the callback's code and returns who signed in; throws on any failed check. */
  identityFromCallback(callbackUrl: URL, request: AuthorizationRequest): Promise<OAuthIdentity>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const validEmail = (value: unknown): string | null => {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

function checkedSubject(value: unknown): string {
  const subject = typeof value === 'number' ? String(value) : text(value);
  if (!subject || subject.length > MAX_SUBJECT_LENGTH) throw new Error('the provider gave no usable user id');
  return subject;
}

// http:// only for loopback providers (validated in the configuration): local development and tests.
const insecureFor = (url: string) => (isLoopbackHttp(url) ? [client.allowInsecureRequests] : []);

async function authorizationParameters(request: AuthorizationRequest, scope: string) {
  return {
    redirect_uri: request.redirectUri,
    scope,
    state: request.state,
    code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
    code_challenge_method: 'S256',
  };
}

function oidcProvider(settings: OidcProviderSettings): OAuthProvider {
  let discovered: Promise<client.Configuration> | null = null;
  // Discovered on first use, not at start: a provider that is down must not stop the server.
  const configuration = () =>
    (discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : client.None(),
        { execute: insecureFor(settings.issuer), timeout: REQUEST_TIMEOUT_SECONDS },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      }));

  return {
    id: settings.id,
    label: settings.label,
    async authorizationUrl(request) {
      const parameters = await authorizationParameters(request, settings.scopes.join(' '));
      return client.buildAuthorizationUrl(await configuration(), { ...parameters, nonce: request.nonce });
    },
    async identityFromCallback(callbackUrl, request) {
      const config = await configuration();
      // Checks state, the issuer of the response, and the ID token's signature, issuer, audience and nonce.
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      // Some issuers put email and profile claims only in the UserInfo response.
      const profile: Record<string, unknown> =
        !claims.email && config.serverMetadata().userinfo_endpoint
          ? { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims }
          : claims;
      const email = validEmail(profile.email);
      return {
        provider: settings.id,
        subject: checkedSubject(claims.sub),
        email,
        emailVerified: email !== null && profile.email_verified === true,
        name: text(profile.name),
        preferredUsername: text(profile.preferred_username),
      };
    },
  };
}

/** The value at a dotted path (`data.user.open_id`) of a JSON response. */
function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function clientAuthentication(settings: OAuth2ProviderSettings): client.ClientAuth {
  const secret = settings.clientSecret;
  if (settings.clientIdParameter === 'client_id') {
    return secret ? client.ClientSecretPost(secret) : client.None();
  }
  return (_server, clientMetadata, body) => {
    body.set(settings.clientIdParameter, clientMetadata.client_id);
    if (secret) body.set('client_secret', secret);
  };
}

function oauth2Provider(settings: OAuth2ProviderSettings): OAuthProvider {
  const config = new client.Configuration(
    {
      // Plain OAuth 2.0 has no issuer identity; the endpoints themselves are the configuration.
      issuer: new URL(settings.authorizationEndpoint).origin,
      authorization_endpoint: settings.authorizationEndpoint,
      token_endpoint: settings.tokenEndpoint,
    },
    settings.clientId,
    undefined,
    clientAuthentication(settings),
  );
  config.timeout = REQUEST_TIMEOUT_SECONDS;
  const endpoints = [settings.authorizationEndpoint, settings.tokenEndpoint, settings.userinfoEndpoint];
  if (endpoints.every(isLoopbackHttp)) client.allowInsecureRequests(config);

  return {
    id: settings.id,
    label: settings.label,
    async authorizationUrl(request) {
      const parameters = await authorizationParameters(
        request,
        settings.scopes.join(settings.scopeSeparator),
      );
      const url = client.buildAuthorizationUrl(config, parameters);
      if (settings.clientIdParameter !== 'client_id') {
        url.searchParams.delete('client_id');
        url.searchParams.set(settings.clientIdParameter, settings.clientId);
      }
      return url;
    },
    async identityFromCallback(callbackUrl, request) {
      // No issuer to compare an `iss` parameter with: mix-ups are prevented by the per-provider callback path.
      const response = new URL(callbackUrl);
      response.searchParams.delete('iss');
      const tokens = await client.authorizationCodeGrant(config, response, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
      });
      const userinfo = await client.fetchProtectedResource(
        config,
        tokens.access_token,
        new URL(settings.userinfoEndpoint),
        'GET',
      );
      if (!userinfo.ok) throw new Error(`the user info endpoint answered ${userinfo.status}`);
      const body: unknown = await userinfo.json();
      const { subject, name, username } = settings.profile;
      return {
        provider: settings.id,
        subject: checkedSubject(valueAt(body, subject)),
        // A plain OAuth 2.0 provider asserts no verified email, so none is used.
        email: null,
        emailVerified: false,
        name: name ? text(valueAt(body, name)) : null,
        preferredUsername: username ? text(valueAt(body, username)) : null,
      };
    },
  };
}

export function createOAuthProvider(settings: ProviderSettings): OAuthProvider {
  return settings.kind === 'oidc' ? oidcProvider(settings) : oauth2Provider(settings);
}
