import type { EntityManager } from '@mikro-orm/postgresql';
import { levelForXp } from '../../game/universal/level.ts';
import { toLocalDate } from '../../game/universal/local-day.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import {
  answerAccuracy,
  liveStudyStreak,
  profileStatsSchema,
  type ProfileStats,
} from '../universal/profile-stats.ts';
import { PROFILE_STATS_TTL_SECONDS, type StatsCache } from './stats-cache.ts';

interface StatsRow {
  xp: number;
  streak: number;
  longest_streak: number;
  last_activity: string | null;
  freezes: number;
  lessons: number;
  quizzes: number;
  timezone: string;
  correct: number;
  answered: number;
  achievements: number;
  badges: number;
}

/**
 * A learner's profile numbers: from Redis when it is configured and up, else from the
 * user_stats_cache table, else computed in one query and stored where the read missed.
 */
export async function getProfileStats(
  em: EntityManager,
  cache: StatsCache | null | undefined,
  userId: number,
  now: Date,
): Promise<ProfileStats> {
  let cacheUp = Boolean(cache);
  if (cache) {
    try {
      const cached = await cache.get(userId);
      if (cached) return cached;
    } catch {
      cacheUp = false;
    }
  }
  if (!cacheUp) {
    const stored = await readStoredStats(em, userId, now);
    if (stored) return stored;
  }
  const stats = await computeProfileStats(em, userId, now);
  if (cache && cacheUp) {
    try {
      await cache.set(userId, stats, PROFILE_STATS_TTL_SECONDS);
      return stats;
    } catch {
      // Went down between the read and the write: keep the result in the table instead.
    }
  }
  await storeStats(em, userId, stats, now);
  return stats;
}

/**
 * Drops the cached stats in both places. Call it after a change to the learner's XP commits;
 * called inside the transaction, a concurrent read could cache the old numbers again.
 */
export async function invalidateProfileStats(
  em: EntityManager,
  cache: StatsCache | null | undefined,
  userId: number,
): Promise<void> {
  await em.execute('delete from user_stats_cache where user_id = ?', [userId]);
  try {
    await cache?.delete(userId);
  } catch {
    // Down: its copy expires within the TTL, and the table copy is gone already.
  }
}

/** The stats as they stand, in one round trip. */
export async function computeProfileStats(
  em: EntityManager,
  userId: number,
  now: Date,
): Promise<ProfileStats> {
  const [row] = await em.execute<StatsRow[]>(
    `select p.xp, p.study_streak_current as streak, p.study_streak_longest as longest_streak,
            to_char(p.last_activity_date, 'YYYY-MM-DD') as last_activity, p.streak_freezes as freezes,
            p.total_lessons_completed as lessons, p.total_exams_taken as quizzes, u.timezone,
            a.correct, a.answered,
            (select count(*)::int from user_achievements where user_id = p.user_id) as achievements,
            (select count(*)::int from user_badges where user_id = p.user_id) as badges
       from user_profiles p
       join users u on u.id = p.user_id
      cross join lateral (
        select count(*) filter (where is_correct)::int as correct, count(*)::int as answered
          from user_answers where user_id = p.user_id) a
      where p.user_id = ?`,
    [userId],
  );
  if (!row) throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no profile');
  return {
    xp: row.xp,
    level: levelForXp(row.xp),
    streak: liveStudyStreak(
      { current: row.streak, lastActivityDate: row.last_activity, freezesHeld: row.freezes },
      toLocalDate(now, row.timezone),
    ),
    longestStreak: row.longest_streak,
    lessonsCompleted: row.lessons,
    quizzesTaken: row.quizzes,
    accuracy: answerAccuracy(row.correct, row.answered),
    achievements: row.achievements,
    badges: row.badges,
  };
}

// A table copy counts only while unexpired and only for the XP it was computed at, so an XP
// change whose writer forgot to invalidate still never shows stale numbers from here.
async function readStoredStats(em: EntityManager, userId: number, now: Date): Promise<ProfileStats | null> {
  const [row] = await em.execute<{ stats_json: unknown }[]>(
    `select c.stats_json from user_stats_cache c join user_profiles p on p.user_id = c.user_id
      where c.user_id = ? and c.expires_at > ? and (c.stats_json ->> 'xp')::int = p.xp`,
    [userId, now],
  );
  const parsed = profileStatsSchema.safeParse(row?.stats_json);
  return parsed.success ? parsed.data : null;
}

async function storeStats(em: EntityManager, userId: number, stats: ProfileStats, now: Date): Promise<void> {
  await em.execute(
    `insert into user_stats_cache (user_id, stats_json, computed_at, expires_at) values (?, ?::jsonb, ?, ?)
     on conflict (user_id) do update
       set stats_json = excluded.stats_json, computed_at = excluded.computed_at, expires_at = excluded.expires_at`,
    [userId, JSON.stringify(stats), now, new Date(now.getTime() + PROFILE_STATS_TTL_SECONDS * 1000)],
  );
}
