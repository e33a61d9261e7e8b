import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatsCache } from '../../social/server/stats-cache.ts';
import { invalidateProfileStats } from '../../social/server/profile-stats.ts';
import { mirrorStandingsOf } from './mirror-standings.ts';
import type { StandingsMirror } from './standings-mirror.ts';

/** The fast copies kept beside PostgreSQL; both optional (absent without Redis). */
export interface ProgressPorts {
  readonly standingsMirror?: StandingsMirror | undefined;
  readonly statsCache?: StatsCache | undefined;
}

/**
 * After a transaction that moved a user's XP, streak or quiz best has committed: refreshes their
 * standings in the mirror and drops their cached profile stats. Best effort and safe to repeat —
 * the tables are the truth, so a missed call costs freshness only until the next write.
 */
export async function publishProgress(
  em: EntityManager,
  ports: ProgressPorts,
  userId: number,
  now: Date,
): Promise<void> {
  if (ports.standingsMirror) await mirrorStandingsOf(em, ports.standingsMirror, userId, now);
  await invalidateProfileStats(em, ports.statsCache, userId);
}
