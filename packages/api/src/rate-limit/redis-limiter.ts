import type { Redis } from 'ioredis';
import { decide, type RateLimiter } from './rate-limiter.ts';

// One round trip, atomic: count the hit, start the window's expiry on the first one (or if a
// key somehow lost it), and say how long the window has left.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * Fixed windows in Redis, shared by every API process (the window follows Redis's clock, not the
 * request's). When Redis fails — stopped, hung past the client's command timeout — the hit is
 * counted by `fallback` instead: a Redis outage never fails a sign-in or sign-up.
 */
export function createRedisRateLimiter(client: Redis, fallback: RateLimiter): RateLimiter {
  return {
    hit: async (key, rule, now) => {
      try {
        const reply = (await client.eval(HIT_SCRIPT, 1, `ratelimit:${key}`, rule.windowMs)) as [
          number,
          number,
        ];
        return decide(Number(reply[0]), rule, Number(reply[1]));
      } catch {
        return fallback.hit(key, rule, now);
      }
    },
  };
}
