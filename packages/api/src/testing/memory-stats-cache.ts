import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import type { ProfileStats } from '@questline/domain/social/universal/profile-stats';

/**
 * The stats-cache port kept in memory, for router tests that check when the cache is filled and
 * dropped (the Redis adapter itself is tested against a real Redis in `redis/`).
 */
export class MemoryStatsCache implements StatsCache {
  readonly entries = new Map<number, ProfileStats>();

  get(userId: number): Promise<ProfileStats | null> {
    return Promise.resolve(this.entries.get(userId) ?? null);
  }

  set(userId: number, stats: ProfileStats): Promise<void> {
    this.entries.set(userId, stats);
    return Promise.resolve();
  }

  delete(userId: number): Promise<void> {
    this.entries.delete(userId);
    return Promise.resolve();
  }
}
