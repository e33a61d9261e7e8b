import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { SessionsRevoked, SessionView } from '../universal/sessions.ts';

interface SessionRow {
  id: string | number;
  created_at: Date;
  last_seen_at: Date;
  user_agent: string | null;
  ip: string | null;
}

/** The user's unexpired sessions, most recently used first, marking the one asking. */
export async function listSessions(
  em: EntityManager,
  userId: number,
  currentSessionId: number,
  now: Date,
): Promise<SessionView[]> {
  const rows = await em.execute<SessionRow[]>(
    `select id, created_at, last_seen_at, user_agent, ip from sessions
      where user_id = ? and expires_at > ? order by last_seen_at desc, id desc`,
    [userId, now],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    userAgent: row.user_agent,
    ip: row.ip,
    current: Number(row.id) === currentSessionId,
  }));
}

/** Ends one of the user's own sessions; another user's id is answered as if it did not exist. */
export async function revokeOwnSession(
  em: EntityManager,
  userId: number,
  sessionId: number,
): Promise<SessionsRevoked> {
  const deleted = await em.execute<{ id: string }[]>(
    'delete from sessions where id = ? and user_id = ? returning id',
    [sessionId, userId],
  );
  if (deleted.length === 0) {
    throw new DomainError('SESSION_NOT_FOUND', 'NOT_FOUND', 'No such session', { path: ['sessionId'] });
  }
  return { revoked: 1 };
}

/** Ends every session of the user, or every one but `keepSessionId`. */
export async function revokeUserSessions(
  em: EntityManager,
  userId: number,
  keepSessionId?: number,
): Promise<SessionsRevoked> {
  const deleted = await em.execute<{ id: string }[]>(
    keepSessionId === undefined
      ? 'delete from sessions where user_id = ? returning id'
      : 'delete from sessions where user_id = ? and id <> ? returning id',
    keepSessionId === undefined ? [userId] : [userId, keepSessionId],
  );
  return { revoked: deleted.length };
}
