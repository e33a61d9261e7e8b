import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { answersOf, lessonIdOf } from '@questline/domain/learning/server/testing/lesson-fixtures';
import type { Caller } from './callers.ts';

// Lessons played through the API, and what a run looks like in the database (to show that a
// refused call left it exactly as it was).

/** Starts the lesson as the caller and answers every exercise right; returns the run's id. */
export async function playLessonThroughApi(db: TestDatabase, caller: Caller, lessonKey: string) {
  const lessonId = await lessonIdOf(db.em(), lessonKey);
  const run = await caller.learning.start({ lessonId });
  for (const known of await answersOf(db.em(), lessonId)) {
    await caller.learning.answer({
      sessionId: run.sessionId,
      exerciseId: known.exerciseId,
      answer: known.right,
      timeSpentMs: 3_000,
    });
  }
  return run.sessionId;
}

/** A run's row, its interactions and its learner's hearts and XP, as plain comparable data. */
export async function runSnapshot(db: TestDatabase, sessionId: number) {
  const [run] = await db.em().execute<Record<string, unknown>[]>(
    `select s.status, s.correct_count, s.mistake_count, s.xp_earned, p.hearts, p.xp,
            (select count(*)::int from user_exercise_interactions i where i.lesson_session_id = s.id) as interactions,
            (select count(*)::int from xp_events e where e.user_id = s.user_id) as ledger_entries
       from lesson_sessions s join user_profiles p on p.user_id = s.user_id where s.id = ?`,
    [sessionId],
  );
  return run;
}
