import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE_NAME = 'ql_session';

/** A fresh opaque token (256 bits) and the hash that is all the database keeps. */
export function generateOpaqueToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Session cookies and email verification links are both such tokens.
export const generateSessionToken = generateOpaqueToken;
export const hashSessionToken = hashOpaqueToken;
