import type { MikroORM } from '@mikro-orm/postgresql';
import { signInWithOAuth } from '@questline/domain/identity/server/oauth-sign-in';
import { resolveSession } from '@questline/domain/identity/server/sessions';
import type { OAuthProviderSummary } from '@questline/domain/identity/universal/oauth';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { Env } from '../env.ts';
import { readCookie, readSessionToken, sessionCookie } from '../http/cookies.ts';
import { clientIp } from '../http/request-meta.ts';
import { sendJson } from '../http/send.ts';
import { failureCode, type OAuthFailureCode } from './failure.ts';
import {
  createFlowSealer,
  expiredFlowCookie,
  FLOW_COOKIE_NAME,
  flowCookie,
  type OAuthFlow,
} from './flow-cookie.ts';
import { configuredProviders } from './provider-config.ts';
import { createOAuthProvider, type OAuthProvider } from './providers.ts';
import { safeReturnPath } from './return-to.ts';

/** The web app's sign-in page: failures land there as `?error=<code>`. */
export const SIGN_IN_PATH = '/signin';
export const OAUTH_ROUTE_PREFIX = '/auth/oauth/';
const ROUTE = /^\/auth\/oauth\/([^/]+)\/(start|callback)$/;

export interface OAuthRequest {
  readonly requestId: string;
  readonly secureCookies: boolean;
}

export interface OAuthRoutes {
  /** The configured providers, as the sign-in page offers them. */
  readonly providers: readonly OAuthProviderSummary[];
  /** Serves `GET /auth/oauth/<id>/start` and `GET /auth/oauth/<id>/callback`. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, request: OAuthRequest): Promise<void>;
}

export interface OAuthRoutesOptions {
  readonly orm: MikroORM;
  readonly env: Env;
  readonly now?: () => Date;
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 302;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

const sameState = (received: string | null, expected: string) =>
  received !== null &&
  received.length === expected.length &&
  timingSafeEqual(Buffer.from(received), Buffer.from(expected));

export function createOAuthRoutes(options: OAuthRoutesOptions): OAuthRoutes {
  const { orm, env } = options;
  const now = options.now ?? (() => new Date());
  const providers = new Map<string, OAuthProvider>(
    configuredProviders(env).map((settings) => [settings.id, createOAuthProvider(settings)]),
  );
  const sealer = createFlowSealer(env.AUTH_SECRET);
  const redirectUri = (provider: OAuthProvider) =>
    `${env.PUBLIC_URL}${OAUTH_ROUTE_PREFIX}${provider.id}/callback`;

  const fail = (res: ServerResponse, code: OAuthFailureCode) =>
    redirect(res, `${SIGN_IN_PATH}?error=${code}`);
  // Operators see why a provider failed; the browser only ever gets the code.
  const logProviderFailure = (request: OAuthRequest, code: OAuthFailureCode, error: unknown) => {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.warn(`[oauth] request ${request.requestId}: ${code} (${detail})`);
  };

  async function start(
    req: IncomingMessage,
    res: ServerResponse,
    provider: OAuthProvider,
    request: OAuthRequest,
  ) {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const sessionToken = readSessionToken(req.headers.cookie);
    const user = sessionToken ? await resolveSession(orm.em.fork(), sessionToken, now()) : null;
    const flow: OAuthFlow = {
      provider: provider.id,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(query.get('returnTo')),
      userId: user?.id ?? null,
    };
    let target: URL;
    try {
      target = await provider.authorizationUrl({ ...flow, redirectUri: redirectUri(provider) });
    } catch (error) {
      const code = failureCode(error) ?? 'provider_unavailable';
      logProviderFailure(request, code, error);
      return fail(res, code);
    }
    res.setHeader('Set-Cookie', flowCookie(sealer.seal(flow, now()), request.secureCookies));
    redirect(res, target.href);
  }

  async function callback(
    req: IncomingMessage,
    res: ServerResponse,
    provider: OAuthProvider,
    request: OAuthRequest,
  ) {
    // A flow is used once: whatever happens next, the browser forgets it.
    res.appendHeader('Set-Cookie', expiredFlowCookie(request.secureCookies));
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const sealed = readCookie(req.headers.cookie, FLOW_COOKIE_NAME);
    const flow = sealed ? sealer.open(sealed, now()) : null;
    if (!flow || flow.provider !== provider.id || !sameState(query.get('state'), flow.state)) {
      return fail(res, 'invalid_state');
    }
    const em = orm.em.fork();
    const sessionToken = readSessionToken(req.headers.cookie);
    // Linking goes to the user who started the flow, and only while they are still the one signed in.
    if (flow.userId !== null) {
      const current = sessionToken ? await resolveSession(em, sessionToken, now()) : null;
      if (current?.id !== flow.userId) return fail(res, 'invalid_state');
    }
    try {
      const callbackUrl = new URL(`${redirectUri(provider)}?${query.toString()}`);
      const identity = await provider.identityFromCallback(callbackUrl, {
        ...flow,
        redirectUri: redirectUri(provider),
      });
      const { session } = await signInWithOAuth(
        em,
        identity,
        { userAgent: req.headers['user-agent'], ip: clientIp(req, env.TRUST_PROXY) },
        now(),
        {
          linkToUserId: flow.userId,
          previousToken: sessionToken,
        },
      );
      res.appendHeader('Set-Cookie', sessionCookie(session.token, session.expiresAt, request.secureCookies));
      redirect(res, flow.returnTo);
    } catch (error) {
      const code = failureCode(error);
      if (!code) console.error(`[oauth] request ${request.requestId} failed:`, error);
      else if (!(error instanceof DomainError)) logProviderFailure(request, code, error);
      fail(res, code ?? 'oauth_failed');
    }
  }

  return {
    providers: [...providers.values()].map(({ id, label }) => ({ id, label })),
    async handle(req, res, pathname, request) {
      const match = ROUTE.exec(pathname);
      const provider = match?.[1] ? providers.get(match[1]) : undefined;
      if (!match || !provider) return sendJson(res, 404, { error: 'NOT_FOUND' });
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED' });
      return match[2] === 'start'
        ? start(req, res, provider, request)
        : callback(req, res, provider, request);
    },
  };
}
