import { IsolationLevel, type EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { lessonSessionInputSchema } from '../universal/lesson-inputs.ts';
import type { LessonSessionView } from '../universal/lesson-views.ts';
import { findLesson, findOwnSession } from './lesson-rows.ts';
import { readLessonSessionView } from './read-lesson-session.ts';

/**
 * One of the learner's own runs by id, whatever its state, as the player shows it (exercises
 * without answers, progress, hearts at `now`). Someone else's run is SESSION_NOT_FOUND.
 */
export async function getLessonSession(
  em: EntityManager,
  userId: number,
  sessionId: number,
  now: Date,
): Promise<LessonSessionView> {
  const input = parseInput(lessonSessionInputSchema, { sessionId });
  return em.transactional(
    async (tx) => {
      const session = await findOwnSession(tx, userId, input.sessionId);
      const lesson = await findLesson(tx, session.lessonId);
      return readLessonSessionView(tx, session, lesson, now, session.status === 'active');
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
