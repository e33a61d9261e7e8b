import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgressPorts } from '@questline/domain/game/server/publish-progress';
import { randomUUID } from 'node:crypto';
import {
  resolveSession,
  type AuthenticatedUser,
  type RequestMeta,
} from '@questline/domain/identity/server/sessions';

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
}

export interface InnerContextOptions {
  readonly em: EntityManager;
  readonly sessionToken?: string | null;
  readonly now?: () => Date;
  readonly requestId?: string;
  readonly meta?: RequestMeta;
  readonly sessionCookie?: SessionCookieWriter;
  readonly ports?: ProgressPorts;
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
  };
}
