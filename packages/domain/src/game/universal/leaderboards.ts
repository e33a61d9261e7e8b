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
