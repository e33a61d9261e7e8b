import type { EntityManager } from '@mikro-orm/postgresql';
import type { StreakDayStatus } from '../universal/ledger.ts';
import { toLocalDate } from '../universal/local-day.ts';
import { computeStudyStreak, explainStudyDay, type StudyStreak } from '../universal/study-streak.ts';
import {
  readStreakDays,
  toPracticeHistory,
  type StoredPractice,
  type StoredStreakDay,
} from './read-streak-days.ts';

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

interface ProfileRow {
  current: number;
  longest: number;
  freezes: number;
  timezone: string;
}

interface DayRow {
  local_date: string;
  status: 'practiced' | 'frozen';
  reason: string;
  created_at: string;
  practiced_at: string | null;
  time_zone: string | null;
}

/**
 * Records a practice day (a completed lesson or quiz) for the study streak, in the caller's
 * transaction. The profile row is locked first, so a learner's completions serialise here. The
 * streak is recomputed by the pure rule from the stored history plus this practice; the rows of
 * user_streak_days and the profile's streak columns are then brought to exactly what it says.
 */
export async function recordPracticeDay(em: EntityManager, event: PracticeEvent): Promise<StreakState> {
  const localDate = toLocalDate(event.instant, event.timeZone);
  const [profile] = await em.execute<ProfileRow[]>(
    `select p.study_streak_current as current, p.study_streak_longest as longest,
            p.streak_freezes as freezes, u.timezone
       from user_profiles p join users u on u.id = p.user_id where p.user_id = ? for update of p`,
    [event.userId],
  );
  if (!profile) throw new Error(`user ${event.userId} has no game profile`);
  // Most completions are not a day's first: one indexed row answers them without the history.
  const [sameDay] = await em.execute<{ status: StreakDayStatus; created_at: Date | string }[]>(
    'select status, created_at from user_streak_days where user_id = ? and local_date = ?',
    [event.userId, localDate],
  );
  // A later practice on a day that already counts changes nothing: the day keeps its first one.
  const alreadyCounted =
    sameDay?.status === 'repaired' ||
    (sameDay?.status === 'practiced' && new Date(sameDay.created_at) <= event.instant);
  if (alreadyCounted) return { localDate, ...unchanged(profile), frozenDays: [], dayAdded: false };
  const stored = await readStreakDays(em, event.userId);
  const practice: StoredPractice = {
    date: localDate,
    instant: event.instant,
    timeZone: event.timeZone,
    reason: event.reason,
  };
  const history = [
    ...toPracticeHistory(stored, profile.timezone).filter((day) => day.date !== localDate),
    practice,
  ];
  const latest = history.reduce((a, b) => (b.instant > a.instant ? b : a), practice);
  const streak = computeStudyStreak(history, latest.instant, latest.timeZone);
  const frozenDays = await storeStreakDays(em, event.userId, stored, history, streak, latest.instant);
  const { current, longest, freezesHeld, lastPracticeDate } = streak.summary;
  await em.execute(
    `update user_profiles set study_streak_current = ?, study_streak_longest = ?, streak_freezes = ?,
            last_activity_date = ? where user_id = ?`,
    [current, longest, freezesHeld, lastPracticeDate, event.userId],
  );
  return {
    localDate,
    current,
    longest,
    freezesHeld,
    frozenDays,
    dayAdded: sameDay?.status !== 'practiced',
  };
}

function unchanged(profile: ProfileRow) {
  return { current: profile.current, longest: profile.longest, freezesHeld: profile.freezes };
}

/** Writes only the rows that differ from the rule, in two statements; returns the newly frozen days. */
async function storeStreakDays(
  em: EntityManager,
  userId: number,
  stored: readonly StoredStreakDay[],
  history: readonly StoredPractice[],
  streak: StudyStreak,
  now: Date,
): Promise<string[]> {
  const before = new Map(stored.map((day) => [day.date, day]));
  const practices = new Map(history.map((practice) => [practice.date, practice]));
  const wanted: DayRow[] = [];
  for (const day of streak.days) {
    const practice = practices.get(day.date);
    if (day.status === 'practiced' && practice) {
      wanted.push({
        local_date: day.date,
        status: 'practiced',
        reason: practice.reason,
        created_at: practice.instant.toISOString(),
        practiced_at: practice.instant.toISOString(),
        time_zone: practice.timeZone,
      });
    } else if (day.status === 'frozen' && !day.provisional) {
      wanted.push({
        local_date: day.date,
        status: 'frozen',
        reason: explainStudyDay(day),
        created_at: now.toISOString(),
        practiced_at: null,
        time_zone: null,
      });
    }
  }
  const changed = wanted.filter((row) => {
    const old = before.get(row.local_date);
    if (old?.status === 'repaired') return false; // an admin's repair is never rewritten
    if (row.status === 'frozen') return old?.status !== 'frozen' || old.reason !== row.reason;
    return (
      old?.status !== 'practiced' ||
      old.reason !== row.reason ||
      old.practicedAt?.toISOString() !== row.practiced_at ||
      old.timeZone !== row.time_zone
    );
  });
  const kept = new Set(wanted.map((row) => row.local_date));
  const unfrozen = stored
    .filter((day) => day.status === 'frozen' && !kept.has(day.date))
    .map((day) => day.date);
  if (changed.length > 0) {
    await em.execute(
      `insert into user_streak_days (user_id, local_date, status, reason, created_at, practiced_at, time_zone)
       select ?, r.local_date, r.status, r.reason, r.created_at, r.practiced_at, r.time_zone
         from jsonb_to_recordset(?::jsonb)
           as r(local_date date, status text, reason text, created_at timestamptz, practiced_at timestamptz, time_zone text)
       on conflict (user_id, local_date) do update
         set status = excluded.status, reason = excluded.reason, created_at = excluded.created_at,
             practiced_at = excluded.practiced_at, time_zone = excluded.time_zone`,
      [userId, JSON.stringify(changed)],
    );
  }
  if (unfrozen.length > 0) {
    await em.execute(
      `delete from user_streak_days where user_id = ? and status = 'frozen'
          and local_date in (select jsonb_array_elements_text(?::jsonb)::date)`,
      [userId, JSON.stringify(unfrozen)],
    );
  }
  return changed
    .filter((row) => row.status === 'frozen' && before.get(row.local_date)?.status !== 'frozen')
    .map((row) => row.local_date);
}
