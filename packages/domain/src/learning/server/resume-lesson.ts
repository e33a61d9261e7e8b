import { IsolationLevel, type EntityManager } from '@mikro-orm/postgresql';
import { activeLessonInputSchema } from '../universal/lesson-inputs.ts';
import type { LessonSessionView } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { findActiveSession, findLesson } from './lesson-rows.ts';
import { readLessonSessionView } from './read-lesson-session.ts';

/**
 * What the player needs to continue after a reload: the learner's active run of the lesson with
 * its exercises (same shuffles as before), what is already answered correctly, the counters and
 * the hearts at `now`; null when no run is active. Read-only: resuming needs no heart.
 */
export async function getActiveLesson(
  em: EntityManager,
  userId: number,
  lessonId: number,
  now: Date,
): Promise<LessonSessionView | null> {
  const input = parseInput(activeLessonInputSchema, { lessonId });
  // One snapshot for the whole view (repeatable read: no half-applied answer in between).
  return em.transactional(
    async (tx) => {
      const lesson = await findLesson(tx, input.lessonId);
      const session = await findActiveSession(tx, userId, lesson.id);
      return session ? readLessonSessionView(tx, session, lesson, now, true) : null;
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
