export const LEADERBOARDS = ['xp_all_time', 'xp_weekly', 'quiz_best'] as const;
export type Leaderboard = (typeof LEADERBOARDS)[number];

/** ISO week of an instant in UTC, the same for everyone: `2026-W48`. */
export function isoWeekOf(instant: Date): string {
  const date = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** When the ISO week `2026-W48` ends (the next Monday, 00:00 UTC); null for text of another shape. */
export function isoWeekEnd(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > 53) return null;
  // Week 1 is the week holding 4 January; its Monday starts the ISO year.
  const january4 = Date.UTC(year, 0, 4);
  const weekday = new Date(january4).getUTCDay() || 7;
  const firstMonday = january4 - (weekday - 1) * DAY_MS;
  return new Date(firstMonday + number * 7 * DAY_MS);
}
