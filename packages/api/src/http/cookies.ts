import { SESSION_COOKIE_NAME } from '@questline/domain/identity/server/session-token';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const readSessionToken = (header: string | undefined) => readCookie(header, SESSION_COOKIE_NAME);

// httpOnly: scripts never see the token; SameSite=Lax: no cross-site POST carries it.
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE_NAME}=${encodeURIComponent(token)}`,
    'Path=/',
    `Expires=${expiresAt.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function expiredSessionCookie(secure: boolean): string {
  return sessionCookie('', new Date(0), secure);
}
