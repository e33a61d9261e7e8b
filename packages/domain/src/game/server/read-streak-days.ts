import type { EntityManager } from '@mikro-orm/postgresql';
import type { StreakDayStatus } from '../universal/ledger.ts';
import { isValidTimeZone, toLocalDate } from '../universal/local-day.ts';
import type { PracticeInstant } from '../universal/study-streak.ts';

export interface StoredStreakDay {
  readonly date: string;
  readonly status: StreakDayStatus;
  readonly reason: string;
  /** For a practice day: the instant of its first completed lesson or quiz. */
  readonly createdAt: Date;
}

/** A practice day as the streak rule reads it back: its first practice, and why it counts. */
export interface StoredPractice extends PracticeInstant {
  readonly date: string;
  /** The reason without the time-zone tag. */
  readonly reason: string;
}

// Until user_streak_days has a time_zone column, a practice row keeps the learner's zone at that
// moment as a tag at the end of its reason ("completed es-greetings-1 [tz=Europe/Madrid]"), so
// the history the streak is recomputed from is complete.
const ZONE_TAG = / \[tz=([^\]\s]+)\]$/;

export function tagPracticeReason(reason: string, timeZone: string): string {
  return `${reason} [tz=${timeZone}]`;
}

export function untagPracticeReason(reason: string): { reason: string; timeZone: string | null } {
  const match = ZONE_TAG.exec(reason);
  const timeZone = match?.[1];
  if (!match || timeZone === undefined || !isValidTimeZone(timeZone)) return { reason, timeZone: null };
  return { reason: reason.slice(0, match.index), timeZone };
}

/** Every streak day of the learner, oldest first. */
export async function readStreakDays(em: EntityManager, userId: number): Promise<StoredStreakDay[]> {
  const rows = await em.execute<
    { date: string; status: StreakDayStatus; reason: string; created_at: Date | string }[]
  >(
    `select to_char(local_date, 'YYYY-MM-DD') as date, status, reason, created_at
       from user_streak_days where user_id = ? order by local_date`,
    [userId],
  );
  return rows.map((row) => ({
    date: row.date,
    status: row.status,
    reason: row.reason,
    createdAt: new Date(row.created_at),
  }));
}

/**
 * The practice history stored rows describe: one practice per practised (or admin-repaired) day,
 * at its first instant, in its zone. Rows from before the zone tag fall back to a zone that gives
 * the stored date: the learner's own when it does, else the nearest whole-hour offset to UTC.
 */
export function toPracticeHistory(days: readonly StoredStreakDay[], fallbackZone: string): StoredPractice[] {
  return days
    .filter((day) => day.status !== 'frozen')
    .map((day) => {
      const { reason, timeZone } = untagPracticeReason(day.reason);
      const zone = timeZone ?? zoneGiving(day.date, day.createdAt, fallbackZone);
      return { date: day.date, instant: day.createdAt, timeZone: zone, reason };
    });
}

function zoneGiving(date: string, instant: Date, preferred: string): string {
  if (isValidTimeZone(preferred) && toLocalDate(instant, preferred) === date) return preferred;
  for (let hours = 0; hours <= 14; hours += 1) {
    for (const offset of hours === 0 ? [0] : [hours, -hours]) {
      if (offset < -12) continue;
      // Etc/GMT signs are inverted: Etc/GMT-14 is UTC+14.
      const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
      if (toLocalDate(instant, zone) === date) return zone;
    }
  }
  return preferred;
}
