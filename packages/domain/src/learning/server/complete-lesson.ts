import type { EntityManager } from '@mikro-orm/postgresql';
import { recordCompletedSession } from '../../game/server/record-session.ts';
import { toLocalDate } from '../../game/universal/local-day.ts';
import { runIdempotent } from '../../shared/server/idempotent.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { completeLessonInputSchema, type CompleteLessonInput } from '../universal/lesson-inputs.ts';
import { scoreLessonRun, type LessonCompletion } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  findLesson,
  findMissingRequired,
  findOwnSession,
  findTimeZone,
  sessionNotActive,
} from './lesson-rows.ts';
import { recordLessonProgress } from './record-lesson-progress.ts';

export interface CompleteLesson extends CompleteLessonInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Completes the learner's run exactly once and rewards it: the run, lesson progress, course
 * enrolment and the shared reward pipeline (XP, streak, achievements) in one transaction.
 *
 * - XP is the lesson's `xp_reward` only (no per-exercise XP: a lesson is the unit of reward, and
 *   exercise XP would let a learner farm by answering without finishing), granted under the
 *   ledger key `lesson-session:<id>`, so a run can never be rewarded twice whatever happens.
 * - A repeat with the same idempotency key returns the first result and changes nothing.
 * - The same run completed again under ANOTHER key is LESSON_ALREADY_COMPLETED (CONFLICT): its
 *   first result belongs to the first key; the client that lost the race asks with that key.
 * - Every required exercise must have been answered correctly in this run (LESSON_INCOMPLETE,
 *   listing the missing ones).
 */
export async function completeLesson(em: EntityManager, input: CompleteLesson): Promise<LessonCompletion> {
  const { sessionId, idempotencyKey } = parseInput(completeLessonInputSchema, {
    sessionId: input.sessionId,
    idempotencyKey: input.idempotencyKey,
  });
  const { result } = await runIdempotent(
    em,
    { userId: input.userId, key: idempotencyKey, operation: 'lesson.complete', request: { sessionId } },
    (tx) => completeRun(tx, input.userId, sessionId, input.now),
  );
  return result;
}

async function completeRun(
  em: EntityManager,
  userId: number,
  sessionId: number,
  now: Date,
): Promise<LessonCompletion> {
  // Lock order everywhere: the run, then the profile.
  const session = await findOwnSession(em, userId, sessionId, true);
  if (session.status === 'completed') {
    throw new DomainError(
      'LESSON_ALREADY_COMPLETED',
      'CONFLICT',
      'This lesson session is already completed',
      {
        path: ['sessionId'],
      },
    );
  }
  if (session.status !== 'active') throw sessionNotActive(session);
  const missing = await findMissingRequired(em, session);
  if (missing.length) {
    throw new DomainError(
      'LESSON_INCOMPLETE',
      'PRECONDITION_FAILED',
      'Some exercises are not answered correctly yet',
      {
        path: ['sessionId'],
        missing,
      },
    );
  }
  const lesson = await findLesson(em, session.lessonId);
  const [before] = await em.execute<{ xp: number; level: number }[]>(
    'select xp, level from user_profiles where user_id = ? for update',
    [userId],
  );
  if (!before) throw new Error(`user ${userId} has no game profile`);
  const score = scoreLessonRun(session.correctCount, session.mistakeCount);
  await em.execute(
    `update lesson_sessions set status = 'completed', completed_at = ?, xp_earned = ? where id = ?`,
    [now, lesson.xpReward, session.id],
  );
  await recordLessonProgress(em, { userId, lesson, session, score, now });
  const timeZone = await findTimeZone(em, userId);
  const rewards = await recordCompletedSession(em, {
    userId,
    source: 'lesson',
    sourceRef: lesson.key,
    xp: lesson.xpReward,
    ledgerKey: `lesson-session:${session.id}`,
    instant: now,
    timeZone,
    description: `completed ${lesson.key}`,
  });
  const localDate = toLocalDate(now, timeZone);
  const [after] = await em.execute<
    { xp: number; level: number; day_xp: number; goal: number; met: boolean }[]
  >(
    `select p.xp, p.level, coalesce(d.xp, 0) as day_xp, coalesce(d.goal, u.daily_xp_goal) as goal,
            coalesce(d.goal_met, false) as met
       from user_profiles p join users u on u.id = p.user_id
       left join user_daily_xp d on d.user_id = p.user_id and d.local_date = ?
      where p.user_id = ?`,
    [localDate, userId],
  );
  if (!after) throw new Error(`user ${userId} has no game profile`);
  const xpEarned = rewards.xp?.granted ? lesson.xpReward : 0;
  return {
    sessionId: session.id,
    lessonId: lesson.id,
    score,
    xpEarned,
    bonusXp: after.xp - before.xp - xpEarned,
    totalXp: after.xp,
    level: after.level,
    leveledUp: after.level > before.level,
    dailyGoal: { localDate, xp: after.day_xp, goal: after.goal, met: after.met },
    streak: {
      localDate: rewards.streak.localDate,
      current: rewards.streak.current,
      longest: rewards.streak.longest,
      freezesHeld: rewards.streak.freezesHeld,
      frozenDays: [...rewards.streak.frozenDays],
      dayAdded: rewards.streak.dayAdded,
    },
    unlocks: { achievements: [...rewards.unlocks.achievements], badges: [...rewards.unlocks.badges] },
  };
}
