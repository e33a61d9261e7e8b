import { describe, expect, it } from 'vitest';
import {
  createFlowSealer,
  expiredFlowCookie,
  flowCookie,
  FLOW_TTL_MS,
  type OAuthFlow,
} from './flow-cookie.ts';

const flow: OAuthFlow = {
  provider: 'google',
  state: 'state-1',
  codeVerifier: 'verifier-1',
  nonce: 'nonce-1',
  returnTo: '/courses',
  userId: null,
};
const now = new Date('2026-03-01T12:00:00Z');
const secret = 'a secret of at least thirty-two characters';

describe('the OAuth flow cookie', () => {
  it('round-trips the flow without showing it to the browser', () => {
    const sealer = createFlowSealer(secret);
    const sealed = sealer.seal(flow, now);
    expect(sealed).not.toContain('verifier-1');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier');
    expect(sealer.open(sealed, now)).toEqual(flow);
    expect(createFlowSealer(secret).open(sealed, now)).toEqual(flow);
  });

  it('refuses a tampered value, another key, garbage, and an expired flow', () => {
    const sealer = createFlowSealer(secret);
    const sealed = sealer.seal(flow, now);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(sealer.open(bytes.toString('base64url'), now)).toBeNull();
    expect(createFlowSealer(`${secret}!`).open(sealed, now)).toBeNull();
    expect(createFlowSealer(undefined).open(sealed, now)).toBeNull();
    expect(sealer.open('not-a-cookie', now)).toBeNull();
    expect(sealer.open('', now)).toBeNull();
    expect(sealer.open(sealed, new Date(now.getTime() + FLOW_TTL_MS))).toBeNull();
  });

  it('is httpOnly, SameSite=Lax, scoped to the OAuth routes and short-lived', () => {
    expect(flowCookie('v', false)).toBe(
      'ql_oauth_flow=v; Path=/auth/oauth/; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(flowCookie('v', true)).toMatch(/; Secure$/);
    expect(expiredFlowCookie(false)).toContain('Max-Age=0');
  });
});
