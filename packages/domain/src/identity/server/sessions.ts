import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../universal/account.ts';
import { generateSessionToken, hashSessionToken } from './session-token.ts';
import { Session } from './session.entity.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// last_seen_at is refreshed at most this often, so reads do not turn into a write per request.
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export interface RequestMeta {
  readonly userAgent?: string | undefined;
  readonly ip?: string | undefined;
}

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

export interface AuthenticatedUser {
  readonly id: number;
  readonly email: string;
  readonly username: string;
  readonly role: Role;
  readonly sessionId: number;
}

export async function createSession(
  em: EntityManager,
  userId: number,
  meta: RequestMeta,
  now: Date,
): Promise<IssuedSession> {
  const { token, tokenHash } = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  em.create(Session, {
    user: userId,
    tokenHash,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    ip: meta.ip?.slice(0, 64) ?? null,
  });
  await em.flush();
  return { token, expiresAt };
}

interface SessionRow {
  session_id: string | number;
  last_seen_at: Date;
  id: string | number;
  email: string;
  username: string;
  role: Role;
}

/** The active user behind a session token, or null for an unknown, expired or deactivated one. */
export async function resolveSession(
  em: EntityManager,
  token: string,
  now: Date,
): Promise<AuthenticatedUser | null> {
  const rows = await em.execute<SessionRow[]>(
    `select s.id as session_id, s.last_seen_at, u.id, u.email, u.username, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = ? and s.expires_at > ? and u.is_active`,
    [hashSessionToken(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  const sessionId = Number(row.session_id);
  if (now.getTime() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
    await em.execute('update sessions set last_seen_at = ? where id = ?', [now, sessionId]);
  }
  return { id: Number(row.id), email: row.email, username: row.username, role: row.role, sessionId };
}

/** Ends the session behind `token`; unknown tokens are ignored, so signing out twice is harmless. */
export async function revokeSession(em: EntityManager, token: string): Promise<void> {
  await em.execute('delete from sessions where token_hash = ?', [hashSessionToken(token)]);
}
