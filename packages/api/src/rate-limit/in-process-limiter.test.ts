import { describe, expect, it } from 'vitest';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { createInProcessRateLimiter } from './in-process-limiter.ts';
import { enforceRateLimit } from './rate-limiter.ts';

const rule = { limit: 3, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 2, 1) + ms);

describe('createInProcessRateLimiter', () => {
  it('allows `limit` hits per window, then says how long until the window ends', async () => {
    const limiter = createInProcessRateLimiter();
    for (let i = 0; i < 3; i += 1) expect((await limiter.hit('k', rule, at(i * 1000))).allowed).toBe(true);
    expect(await limiter.hit('k', rule, at(10_000))).toEqual({ allowed: false, retryAfterMs: 50_000 });
  });

  it('starts a new window once the old one ended', async () => {
    const limiter = createInProcessRateLimiter();
    for (let i = 0; i < 4; i += 1) await limiter.hit('k', rule, at(0));
    expect((await limiter.hit('k', rule, at(59_999))).allowed).toBe(false);
    expect((await limiter.hit('k', rule, at(60_000))).allowed).toBe(true);
  });

  it('counts keys apart', async () => {
    const limiter = createInProcessRateLimiter();
    for (let i = 0; i < 4; i += 1) await limiter.hit('a', rule, at(0));
    expect((await limiter.hit('b', rule, at(0))).allowed).toBe(true);
  });

  it('keeps at most maxKeys windows, dropping ended ones first, then the oldest', async () => {
    const limiter = createInProcessRateLimiter(2);
    for (let i = 0; i < 4; i += 1) await limiter.hit('old', rule, at(0));
    await limiter.hit('other', rule, at(0));
    // 'old' is full, but a third key pushes the oldest window out: its count starts again.
    await limiter.hit('third', rule, at(1_000));
    expect((await limiter.hit('old', rule, at(2_000))).allowed).toBe(true);
  });
});

describe('enforceRateLimit', () => {
  it('throws RATE_LIMITED with a whole number of seconds to wait', async () => {
    const limiter = createInProcessRateLimiter();
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(limiter, 'k', rule, at(0));
    const error = await enforceRateLimit(limiter, 'k', rule, at(500)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      kind: 'RATE_LIMITED',
      details: { retryAfterSeconds: 60 },
    });
  });
});
