import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { dayToDate, dateToDay } from '../universal/zoned-time.ts';
import {
  STREAK_HISTORY_DEFAULT_DAYS,
  STREAK_HISTORY_MAX_DAYS,
  type StreakExplanation,
} from '../universal/streak-explanation.ts';
import { computeStudyStreak, explainStudyDay } from '../universal/study-streak.ts';
import { readStreakDays, toPracticeHistory } from './read-streak-days.ts';

/**
 * The learner's study streak as of `now` in their current time zone, with the last `days` days
 * (today included) each explained. Computed on read from the stored history, so "at risk" and a
 * lapse after midnight are right without any scheduler; the profile's stored streak is the state
 * as of the last practice.
 */
export async function getStreakExplanation(
  em: EntityManager,
  userId: number,
  now: Date,
  days: number = STREAK_HISTORY_DEFAULT_DAYS,
): Promise<StreakExplanation> {
  if (!Number.isInteger(days) || days < 1 || days > STREAK_HISTORY_MAX_DAYS) {
    throw new DomainError(
      'STREAK_DAYS_OUT_OF_RANGE',
      'BAD_INPUT',
      `Ask for 1 to ${STREAK_HISTORY_MAX_DAYS} days of streak history`,
      { path: ['days'] },
    );
  }
  const [user] = await em.execute<{ timezone: string }[]>(
    'select u.timezone from users u join user_profiles p on p.user_id = u.id where u.id = ?',
    [userId],
  );
  if (!user) throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no game profile');
  const history = toPracticeHistory(await readStreakDays(em, userId), user.timezone);
  const streak = computeStudyStreak(history, now, user.timezone);
  const reasons = new Map(history.map((practice) => [practice.date, practice.reason]));
  const from = dayToDate(dateToDay(streak.summary.today) - days + 1);
  return {
    summary: streak.summary,
    days: streak.days
      .filter((day) => day.date >= from)
      .map((day) => ({
        date: day.date,
        status: day.status,
        streak: day.streak,
        explanation: explainStudyDay(day),
        reason: day.status === 'practiced' ? (reasons.get(day.date) ?? null) : null,
      })),
  };
}
