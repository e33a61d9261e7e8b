import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, toLocalDate } from '../universal/local-day.ts';

export interface PracticeEvent {
  readonly userId: number;
  readonly instant: Date;
  /** The learner's time zone at that instant. */
  readonly timeZone: string;
  /** Why the day counts, for the day-by-day explanation ("completed es-greetings-1"). */
  readonly reason: string;
}

export interface StreakState {
  readonly localDate: string;
  readonly current: number;
  readonly longest: number;
  readonly freezesHeld: number;
  /** Days this practice found missed and covered with a held freeze. */
  readonly frozenDays: readonly string[];
  /** False when the day had already counted (a second lesson the same day). */
  readonly dayAdded: boolean;
}

const FREEZE_MILESTONE = 7;
const MAX_FREEZES = 2;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Records a practice day (a completed lesson or quiz) for the study streak, in the caller's
 * transaction: the day row, freezes spent on missed days, freezes earned at 7-day milestones,
 * and the profile's current and longest streak. The profile row is locked, so concurrent
 * completions serialise here.
 */
export async function recordPracticeDay(em: EntityManager, event: PracticeEvent): Promise<StreakState> {
  const localDate = toLocalDate(event.instant, event.timeZone);
  const [profile] = await em.execute<
    { last: string | null; current: number; longest: number; freezes: number }[]
  >(
    `select to_char(last_activity_date, 'YYYY-MM-DD') as last, study_streak_current as current,
            study_streak_longest as longest, streak_freezes as freezes
       from user_profiles where user_id = ? for update`,
    [event.userId],
  );
  if (!profile) throw new Error(`user ${event.userId} has no game profile`);
  const added = await em.execute<{ id: string }[]>(
    `insert into user_streak_days (user_id, local_date, status, reason, created_at) values (?, ?, 'practiced', ?, ?)
     on conflict (user_id, local_date) do nothing returning id`,
    [event.userId, localDate, event.reason, event.instant],
  );
  const unchanged = {
    localDate,
    current: profile.current,
    longest: profile.longest,
    freezesHeld: profile.freezes,
  };
  if (!added.length || (profile.last !== null && localDate <= profile.last)) {
    return { ...unchanged, frozenDays: [], dayAdded: added.length > 0 };
  }
  let current = profile.current;
  let freezes = profile.freezes;
  const frozenDays: string[] = [];
  const gap = profile.last === null ? Number.POSITIVE_INFINITY : daysBetween(profile.last, localDate);
  const missed = gap - 1;
  if (gap === 1) {
    current += 1;
  } else if (profile.last !== null && current > 0 && missed <= freezes) {
    for (let day = 1; day <= missed; day += 1) frozenDays.push(addDays(profile.last, day));
    freezes -= missed;
    current += missed + 1;
  } else {
    current = 1;
  }
  // One freeze per 7-day milestone reached, at most 2 held.
  const milestonesBefore = Math.floor(profile.current / FREEZE_MILESTONE);
  const milestonesAfter = Math.floor(current / FREEZE_MILESTONE);
  freezes = Math.min(MAX_FREEZES, freezes + Math.max(0, milestonesAfter - milestonesBefore));
  for (const day of frozenDays) {
    await em.execute(
      `insert into user_streak_days (user_id, local_date, status, reason, created_at) values (?, ?, 'frozen', ?, ?)
       on conflict (user_id, local_date) do nothing`,
      [
        event.userId,
        day,
        `missed, covered by a streak freeze when practising on ${localDate}`,
        event.instant,
      ],
    );
  }
  const longest = Math.max(profile.longest, current);
  await em.execute(
    `update user_profiles set study_streak_current = ?, study_streak_longest = ?, streak_freezes = ?,
            last_activity_date = ? where user_id = ?`,
    [current, longest, freezes, localDate, event.userId],
  );
  return { localDate, current, longest, freezesHeld: freezes, frozenDays, dayAdded: true };
}
