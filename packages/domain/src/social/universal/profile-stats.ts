import { z } from 'zod';

/** The numbers on a profile, cached for five minutes (Redis, or the user_stats_cache table). */
export const profileStatsSchema = z.object({
  xp: z.number().int().min(0),
  level: z.number().int().min(1),
  /** The study streak as it stands today: 0 once a missed day can no longer be covered. */
  streak: z.number().int().min(0),
  longestStreak: z.number().int().min(0),
  lessonsCompleted: z.number().int().min(0),
  quizzesTaken: z.number().int().min(0),
  /** Percentage of quiz answers that were right, 2 decimals; null before the first answer. */
  accuracy: z.number().min(0).max(100).nullable(),
  achievements: z.number().int().min(0),
  badges: z.number().int().min(0),
});
export type ProfileStats = z.infer<typeof profileStatsSchema>;

export interface StoredStreak {
  readonly current: number;
  /** `YYYY-MM-DD`, the learner's last practice day; null before the first. */
  readonly lastActivityDate: string | null;
  readonly freezesHeld: number;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * The streak to show on `today` (the learner's local day). The stored streak moves only when the
 * learner practises, so it is read against today: alive through yesterday ("at risk"), and past
 * that only while held freezes can still cover every missed day, as the next practice would.
 */
export function liveStudyStreak(stored: StoredStreak, today: string): number {
  if (stored.lastActivityDate === null || stored.current === 0) return 0;
  const missed = dayNumber(today) - dayNumber(stored.lastActivityDate) - 1;
  return missed <= stored.freezesHeld ? stored.current : 0;
}

/** correct / answered as a percentage with 2 decimals; null when nothing was answered. */
export function answerAccuracy(correct: number, answered: number): number | null {
  return answered > 0 ? Math.round((correct * 10_000) / answered) / 100 : null;
}
