import { readSessionToken } from '@questline/api/http/cookies';
import { hashSessionToken } from '@questline/domain/identity/server/session-token';
import { LAST_SEEN_RESOLUTION_MS } from '@questline/domain/identity/server/sessions';
import type pg from 'pg';

// resolveSession's statements, sent through plain pg (identity/server/sessions.ts).

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  id: string;
  email: string;
  username: string;
  role: string;
}

/** The active learner behind the request's session cookie, or null. */
export async function resolveRawSession(pool: pg.Pool, cookieHeader: string | undefined, now: Date) {
  const token = readSessionToken(cookieHeader);
  if (!token) return null;
  const { rows } = await pool.query<SessionRow>(
    `select s.id as session_id, s.last_seen_at, u.id, u.email, u.username, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > $2 and u.is_active`,
    [hashSessionToken(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await pool.query('update sessions set last_seen_at = $1 where id = $2', [now, row.session_id]);
  }
  return { id: Number(row.id), email: row.email, username: row.username, role: row.role };
}
