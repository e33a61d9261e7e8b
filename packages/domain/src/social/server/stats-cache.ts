import type { ProfileStats } from '../universal/profile-stats.ts';

/** How long computed profile stats may be served before they are computed again. */
export const PROFILE_STATS_TTL_SECONDS = 300;

/**
 * The port to the fast profile-stats cache (Redis `stats:<userId>` in @questline/api). Methods
 * reject when the cache is down; the service then uses the user_stats_cache table instead.
 */
export interface StatsCache {
  get(userId: number): Promise<ProfileStats | null>;
  set(userId: number, stats: ProfileStats, ttlSeconds: number): Promise<void>;
  delete(userId: number): Promise<void>;
}
