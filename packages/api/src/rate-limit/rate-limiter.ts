import { DomainError } from '@questline/domain/shared/universal/domain-error';

/** At most `limit` hits per key in a fixed window of `windowMs`, starting at the key's first hit. */
export interface RateRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Until the window ends and the key may hit again. */
  readonly retryAfterMs: number;
}

/** The port the API counts requests through: in process, or shared by every process in Redis. */
export interface RateLimiter {
  hit(key: string, rule: RateRule, now: Date): Promise<RateDecision>;
}

export function decide(count: number, rule: RateRule, windowLeftMs: number): RateDecision {
  return { allowed: count <= rule.limit, retryAfterMs: Math.max(0, windowLeftMs) };
}

/** Counts a hit on `key`; over the limit, a RATE_LIMITED error whose details say when to retry. */
export async function enforceRateLimit(
  limiter: RateLimiter,
  key: string,
  rule: RateRule,
  now: Date,
): Promise<void> {
  const decision = await limiter.hit(key, rule, now);
  if (decision.allowed) return;
  throw new DomainError(
    'TOO_MANY_REQUESTS',
    'RATE_LIMITED',
    'Too many attempts. Try again in a little while.',
    {
      retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
    },
  );
}
