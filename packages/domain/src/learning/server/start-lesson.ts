import type { EntityManager } from '@mikro-orm/postgresql';
import { missingPrerequisites } from '../../catalog/universal/prerequisites.ts';
import { requireHeart } from '../../game/server/hearts.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { startLessonInputSchema, type StartLessonInput } from '../universal/lesson-inputs.ts';
import type { LessonSessionView } from '../universal/lesson-views.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  findActiveSession,
  findLesson,
  SESSION_COLUMNS,
  toSessionRow,
  type LessonRow,
  type RawSession,
  type SessionRow,
} from './lesson-rows.ts';
import { readLessonSessionView } from './read-lesson-session.ts';

export interface StartLesson extends StartLessonInput {
  readonly userId: number;
  readonly now: Date;
}

/**
 * Starts a run of a lesson, or resumes the learner's active one (at most one per lesson, by the
 * unique partial index lesson_sessions_one_active). Refused when the lesson is locked
 * (LESSON_LOCKED, with the prerequisites missing) or the learner has no heart (HEARTS_EMPTY, with
 * when the next one comes). Returns the exercises without their answers.
 */
export async function startLesson(em: EntityManager, input: StartLesson): Promise<LessonSessionView> {
  const { lessonId } = parseInput(startLessonInputSchema, { lessonId: input.lessonId });
  return em.transactional(async (tx) => {
    const lesson = await findLesson(tx, lessonId);
    await requireUnlocked(tx, input.userId, lesson);
    await requireHeart(tx, input.userId, input.now);
    const created = await insertSession(tx, input.userId, lesson, input.now);
    if (created) return readLessonSessionView(tx, created, lesson, input.now, false);
    const active = await findActiveSession(tx, input.userId, lesson.id);
    if (active) return readLessonSessionView(tx, active, lesson, input.now, true);
    // The active run ended between the two statements: start afresh.
    const retried = await insertSession(tx, input.userId, lesson, input.now);
    if (!retried) throw new Error(`could not start or resume lesson ${lesson.id}`);
    return readLessonSessionView(tx, retried, lesson, input.now, false);
  });
}

async function requireUnlocked(em: EntityManager, userId: number, lesson: LessonRow): Promise<void> {
  const rows = await em.execute<
    { required_lesson_id: string; key: string; title: string; completed: boolean }[]
  >(
    `select p.required_lesson_id, l.key, l.title, coalesce(ulp.status = 'completed', false) as completed
       from lesson_prerequisites p join lessons l on l.id = p.required_lesson_id
       left join user_lesson_progress ulp on ulp.lesson_id = p.required_lesson_id and ulp.user_id = ?
      where p.lesson_id = ?
      order by l.id`,
    [userId, lesson.id],
  );
  const requires = new Map([[lesson.id, rows.map((row) => Number(row.required_lesson_id))]]);
  const completed = new Set(rows.filter((row) => row.completed).map((row) => Number(row.required_lesson_id)));
  const missing = new Set(missingPrerequisites(lesson.id, requires, completed));
  if (!missing.size) return;
  throw new DomainError(
    'LESSON_LOCKED',
    'PRECONDITION_FAILED',
    'Complete the lessons before this one first',
    {
      path: ['lessonId'],
      missing: rows
        .filter((row) => missing.has(Number(row.required_lesson_id)))
        .map((row) => ({ lessonId: Number(row.required_lesson_id), key: row.key, title: row.title })),
    },
  );
}

/** A new active run with the learner's progress and enrolment, or null when one is active already. */
async function insertSession(
  em: EntityManager,
  userId: number,
  lesson: LessonRow,
  now: Date,
): Promise<SessionRow | null> {
  const [row] = await em.execute<RawSession[]>(
    `insert into lesson_sessions (user_id, lesson_id, status, started_at) values (?, ?, 'active', ?)
     on conflict (user_id, lesson_id) where status = 'active' do nothing
     returning ${SESSION_COLUMNS}`,
    [userId, lesson.id, now],
  );
  if (!row) return null;
  await em.execute(
    `insert into user_lesson_progress (user_id, lesson_id, status, started_at) values (?, ?, 'in_progress', ?)
     on conflict (user_id, lesson_id) do update
       set status = case when user_lesson_progress.status = 'completed' then 'completed' else 'in_progress' end,
           started_at = coalesce(user_lesson_progress.started_at, excluded.started_at)`,
    [userId, lesson.id, now],
  );
  await em.execute(
    `insert into user_courses (user_id, course_id, started_at) values (?, ?, ?)
     on conflict (user_id, course_id) do nothing`,
    [userId, lesson.courseId, now],
  );
  return toSessionRow(row);
}
