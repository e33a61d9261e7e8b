import type { EntityManager } from '@mikro-orm/postgresql';
import type { XpSource } from '../universal/ledger.ts';
import { awardUnlocks, type Unlocks } from './award-unlocks.ts';
import { grantXp, type XpGrantResult } from './grant-xp.ts';
import { recordPracticeDay, type StreakState } from './record-practice.ts';

export interface CompletedSession {
  readonly userId: number;
  /** `lesson` or `quiz`: both make a practice day. */
  readonly source: Extract<XpSource, 'lesson' | 'quiz'>;
  readonly sourceRef: string;
  readonly xp: number;
  /** The ledger key: the session's own identity, so its XP can never be granted twice. */
  readonly ledgerKey: string;
  readonly instant: Date;
  readonly timeZone: string;
  /** For the streak's day-by-day explanation and the activity log. */
  readonly description: string;
}

export interface SessionRewards {
  readonly xp: XpGrantResult | null;
  readonly streak: StreakState;
  readonly unlocks: Unlocks;
}

/**
 * The one reward pipeline shared by lessons and quizzes, in the caller's transaction: XP through
 * the ledger (profile, level, daily goal, standings), the study streak, every newly met
 * achievement and badge, and the learner's activity log.
 */
export async function recordCompletedSession(
  em: EntityManager,
  session: CompletedSession,
): Promise<SessionRewards> {
  const xp =
    session.xp > 0
      ? await grantXp(em, {
          userId: session.userId,
          amount: session.xp,
          source: session.source,
          sourceRef: session.sourceRef,
          idempotencyKey: session.ledgerKey,
          occurredAt: session.instant,
          timeZone: session.timeZone,
        })
      : null;
  const streak = await recordPracticeDay(em, {
    userId: session.userId,
    instant: session.instant,
    timeZone: session.timeZone,
    reason: session.description,
  });
  const unlocks = await awardUnlocks(em, session.userId, session.instant, session.timeZone);
  await em.execute(
    `insert into user_activity_logs (user_id, action, entity_type, entity_id, metadata, occurred_at)
     values (?, ?, ?, ?, ?::jsonb, ?)`,
    [
      session.userId,
      `${session.source}.completed`,
      session.source,
      session.sourceRef,
      JSON.stringify({ xp: session.xp, streak: streak.current, unlocked: unlocks }),
      session.instant,
    ],
  );
  return { xp, streak, unlocks };
}
