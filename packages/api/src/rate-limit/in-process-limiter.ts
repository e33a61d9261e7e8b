import { decide, type RateLimiter } from './rate-limiter.ts';

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Fixed windows in this process's memory: the limiter without Redis, and Redis's stand-in while
 * it is down. Keys whose window ended are swept once the map reaches `maxKeys`; if it is still
 * full (a flood of distinct keys), the oldest windows go first.
 */
export function createInProcessRateLimiter(maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, Window>();

  const makeRoom = (at: number) => {
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  return {
    hit: (key, rule, now) => {
      const at = now.getTime();
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        windows.delete(key);
        if (windows.size >= maxKeys) makeRoom(at);
        window = { count: 0, endsAt: at + rule.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return Promise.resolve(decide(window.count, rule, window.endsAt - at));
    },
  };
}
