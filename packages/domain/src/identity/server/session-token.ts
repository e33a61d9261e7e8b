import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE_NAME = 'ql_session';

/** A fresh opaque token (256 bits) and the hash that is all the database keeps. */
export function generateSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
