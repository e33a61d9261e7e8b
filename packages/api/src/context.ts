import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgressPorts } from '@questline/domain/game/server/publish-progress';
import { randomUUID } from 'node:crypto';
import {
  resolveSession,
  type AuthenticatedUser,
  type RequestMeta,
} from '@questline/domain/identity/server/sessions';
import type { OAuthProviderSummary } from '@questline/domain/identity/universal/oauth';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth-settings.ts';
import { createInProcessRateLimiter } from './rate-limit/in-process-limiter.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';

/** Sets or clears the session cookie on the response; tests pass a recorder instead. */
export interface SessionCookieWriter {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  /** A fork of the EntityManager for this request alone. */
  readonly em: EntityManager;
  readonly now: () => Date;
  readonly requestId: string;
  readonly meta: RequestMeta;
  readonly sessionToken: string | null;
  readonly user: AuthenticatedUser | null;
  readonly sessionCookie: SessionCookieWriter;
  /** Redis-backed standings mirror and stats cache when configured; empty otherwise. */
  readonly ports: ProgressPorts;
  /** The OAuth/OIDC providers configured for sign-in (id and label). */
  readonly oauthProviders: readonly OAuthProviderSummary[];
  /** Counts sign-in and sign-up attempts per client (Redis when configured, else in process). */
  readonly rateLimiter: RateLimiter;
  readonly auth: AuthSettings;
}

export interface InnerContextOptions {
  readonly em: EntityManager;
  readonly sessionToken?: string | null;
  readonly now?: () => Date;
  readonly requestId?: string;
  readonly meta?: RequestMeta;
  readonly sessionCookie?: SessionCookieWriter;
  readonly ports?: ProgressPorts;
  readonly oauthProviders?: readonly OAuthProviderSummary[];
  /** Default: a limiter of this context alone, so it limits nothing across requests (tests). */
  readonly rateLimiter?: RateLimiter;
  readonly auth?: AuthSettings;
}

const ignoreCookies: SessionCookieWriter = { set: () => undefined, clear: () => undefined };

/** The context without HTTP: what the routers need, built the same way for requests and for tests. */
export async function createInnerContext(options: InnerContextOptions): Promise<Context> {
  const now = options.now ?? (() => new Date());
  const sessionToken = options.sessionToken ?? null;
  const user = sessionToken ? await resolveSession(options.em, sessionToken, now()) : null;
  return {
    em: options.em,
    now,
    requestId: options.requestId ?? randomUUID(),
    meta: options.meta ?? {},
    sessionToken,
    user,
    sessionCookie: options.sessionCookie ?? ignoreCookies,
    ports: options.ports ?? {},
    oauthProviders: options.oauthProviders ?? [],
    rateLimiter: options.rateLimiter ?? createInProcessRateLimiter(),
    auth: options.auth ?? DEFAULT_AUTH_SETTINGS,
  };
}
