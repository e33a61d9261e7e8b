import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import { profileStatsSchema } from '@questline/domain/social/universal/profile-stats';
import type { Redis } from 'ioredis';

const keyOf = (userId: number) => `stats:${userId}`;

/** Profile stats as JSON at `stats:<userId>` with a TTL; an unreadable value counts as a miss. */
export function createRedisStatsCache(client: Redis): StatsCache {
  return {
    async get(userId) {
      const raw = await client.get(keyOf(userId));
      if (raw === null) return null;
      try {
        const parsed = profileStatsSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async set(userId, stats, ttlSeconds) {
      await client.set(keyOf(userId), JSON.stringify(stats), 'EX', ttlSeconds);
    },
    async delete(userId) {
      await client.del(keyOf(userId));
    },
  };
}
