import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const FLOW_COOKIE_NAME = 'ql_oauth_flow';
// Sent back only to the OAuth routes, never to the API or the apps.
const FLOW_COOKIE_PATH = '/auth/oauth/';
export const FLOW_TTL_MS = 10 * 60 * 1000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const flowSchema = z.object({
  provider: z.string(),
  state: z.string(),
  codeVerifier: z.string(),
  nonce: z.string(),
  returnTo: z.string(),
  /** Who was signed in when the flow started: the identity is linked to them. */
  userId: z.number().int().nullable(),
  expiresAt: z.number(),
});
/** What a sign-in in flight must remember between the redirect to the provider and its callback. */
export type OAuthFlow = Omit<z.infer<typeof flowSchema>, 'expiresAt'>;

export interface FlowSealer {
  seal(flow: OAuthFlow, now: Date): string;
  /** The flow, or null when the value was tampered with, made under another key, or expired. */
  open(sealed: string, now: Date): OAuthFlow | null;
}

/**
 * AES-256-GCM over the flow, so the browser can neither read the PKCE verifier and nonce nor change
 * anything. The key comes from AUTH_SECRET; without it a per-process key means a sign-in in flight
 * across a restart fails cleanly as a bad state.
 */
export function createFlowSealer(secret: string | undefined): FlowSealer {
  const key = secret
    ? Buffer.from(hkdfSync('sha256', secret, 'questline', 'oauth-flow-cookie', 32))
    : randomBytes(32);
  const aad = Buffer.from(FLOW_COOKIE_NAME);
  return {
    seal(flow, now) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const payload = JSON.stringify({ ...flow, expiresAt: now.getTime() + FLOW_TTL_MS });
      const encrypted = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, encrypted, cipher.getAuthTag()]).toString('base64url');
    },
    open(sealed, now) {
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(aad);
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
        const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
        const parsed = flowSchema.safeParse(JSON.parse(text));
        if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return null;
        const { expiresAt: _expiresAt, ...flow } = parsed.data;
        return flow;
      } catch {
        return null;
      }
    },
  };
}

// httpOnly and SameSite=Lax like the session cookie: the provider's redirect back is a top-level GET.
export function flowCookie(sealed: string, secure: boolean): string {
  return [
    `${FLOW_COOKIE_NAME}=${sealed}`,
    `Path=${FLOW_COOKIE_PATH}`,
    `Max-Age=${FLOW_TTL_MS / 1000}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function expiredFlowCookie(secure: boolean): string {
  return flowCookie('', secure).replace(/Max-Age=\d+/, 'Max-Age=0');
}
