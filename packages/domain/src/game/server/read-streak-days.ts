import type { EntityManager } from '@mikro-orm/postgresql';
import type { StreakDayStatus } from '../universal/ledger.ts';
import { isValidTimeZone, toLocalDate } from '../universal/local-day.ts';
import type { PracticeInstant } from '../universal/study-streak.ts';

export interface StoredStreakDay {
  readonly date: string;
  readonly status: StreakDayStatus;
  readonly reason: string;
  readonly createdAt: Date;
  /** For a practice day: the instant of its first completed lesson or quiz, and the zone then. */
  readonly practicedAt: Date | null;
  readonly timeZone: string | null;
}

/** A practice day as the streak rule reads it back: its first practice, and why it counts. */
export interface StoredPractice extends PracticeInstant {
  readonly date: string;
  readonly reason: string;
}

/** Every streak day of the learner, oldest first. */
export async function readStreakDays(em: EntityManager, userId: number): Promise<StoredStreakDay[]> {
  const rows = await em.execute<
    {
      date: string;
      status: StreakDayStatus;
      reason: string;
      created_at: Date | string;
      practiced_at: Date | string | null;
      time_zone: string | null;
    }[]
  >(
    `select to_char(local_date, 'YYYY-MM-DD') as date, status, reason, created_at, practiced_at, time_zone
       from user_streak_days where user_id = ? order by local_date`,
    [userId],
  );
  return rows.map((row) => ({
    date: row.date,
    status: row.status,
    reason: row.reason,
    createdAt: new Date(row.created_at),
    practicedAt: row.practiced_at === null ? null : new Date(row.practiced_at),
    timeZone: row.time_zone,
  }));
}

/**
 * The practice history stored rows describe: one practice per practised (or admin-repaired) day,
 * at its first instant, in its zone. A row without a zone (an admin repair) falls back to a zone
 * that gives the stored date: the learner's own when it does, else the nearest whole-hour offset.
 */
export function toPracticeHistory(days: readonly StoredStreakDay[], fallbackZone: string): StoredPractice[] {
  return days
    .filter((day) => day.status !== 'frozen')
    .map((day) => {
      const instant = day.practicedAt ?? day.createdAt;
      const zone = day.timeZone ?? zoneGiving(day.date, instant, fallbackZone);
      return { date: day.date, instant, timeZone: zone, reason: day.reason };
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
