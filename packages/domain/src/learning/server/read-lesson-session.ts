import type { EntityManager } from '@mikro-orm/postgresql';
import { readHearts } from '../../game/server/hearts.ts';
import type { LessonSessionView } from '../universal/lesson-views.ts';
import { readExerciseViews } from './exercise-view.ts';
import { findAnsweredCorrectly, type LessonRow, type SessionRow } from './lesson-rows.ts';

/** Everything the player needs to show a run: the exercises (no answers), progress and hearts. */
export async function readLessonSessionView(
  em: EntityManager,
  session: SessionRow,
  lesson: LessonRow,
  now: Date,
  resumed: boolean,
): Promise<LessonSessionView> {
  // Sequential: inside a transaction they share one connection anyway.
  const exercises = await readExerciseViews(em, lesson.id, session.id);
  const answeredCorrectly = await findAnsweredCorrectly(em, session.id);
  const hearts = await readHearts(em, session.userId, now);
  return {
    sessionId: session.id,
    status: session.status,
    resumed,
    startedAt: session.startedAt,
    lesson: {
      id: lesson.id,
      key: lesson.key,
      title: lesson.title,
      xpReward: lesson.xpReward,
      courseId: lesson.courseId,
    },
    exercises,
    answeredCorrectly,
    correctCount: session.correctCount,
    mistakeCount: session.mistakeCount,
    hearts,
  };
}
