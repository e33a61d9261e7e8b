import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';

// The reads every lesson service shares: the lesson, the learner's own run, and its progress.

export interface LessonRow {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly xpReward: number;
  readonly courseId: number;
}

/** A lesson of a published course; anything else is NOT_FOUND. */
export async function findLesson(em: EntityManager, lessonId: number): Promise<LessonRow> {
  const [row] = await em.execute<
    { id: string; key: string; title: string; xp_reward: number; course_id: string }[]
  >(
    `select l.id, l.key, l.title, l.xp_reward, c.id as course_id
       from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
       join courses c on c.id = s.course_id
      where l.id = ? and c.is_published`,
    [lessonId],
  );
  if (!row) {
    throw new DomainError('LESSON_NOT_FOUND', 'NOT_FOUND', 'There is no such lesson', { path: ['lessonId'] });
  }
  return {
    id: Number(row.id),
    key: row.key,
    title: row.title,
    xpReward: row.xp_reward,
    courseId: Number(row.course_id),
  };
}

export interface SessionRow {
  readonly id: number;
  readonly userId: number;
  readonly lessonId: number;
  readonly status: 'active' | 'completed' | 'abandoned';
  readonly startedAt: Date;
  readonly correctCount: number;
  readonly mistakeCount: number;
}

export interface RawSession {
  id: string;
  user_id: string;
  lesson_id: string;
  status: SessionRow['status'];
  started_at: string;
  correct_count: number;
  mistake_count: number;
}

export const SESSION_COLUMNS = 'id, user_id, lesson_id, status, started_at, correct_count, mistake_count';

export function toSessionRow(row: RawSession): SessionRow {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    lessonId: Number(row.lesson_id),
    status: row.status,
    startedAt: new Date(row.started_at),
    correctCount: row.correct_count,
    mistakeCount: row.mistake_count,
  };
}

/**
 * The learner's own run. Someone else's run is NOT_FOUND exactly like a missing one, so ids
 * reveal nothing. `lock` takes the row for the rest of the transaction.
 */
export async function findOwnSession(
  em: EntityManager,
  userId: number,
  sessionId: number,
  lock = false,
): Promise<SessionRow> {
  const [row] = await em.execute<RawSession[]>(
    `select ${SESSION_COLUMNS} from lesson_sessions where id = ? and user_id = ?${lock ? ' for update' : ''}`,
    [sessionId, userId],
  );
  if (!row) {
    throw new DomainError('SESSION_NOT_FOUND', 'NOT_FOUND', 'There is no such lesson session', {
      path: ['sessionId'],
    });
  }
  return toSessionRow(row);
}

/** The learner's active run of the lesson, if any. */
export async function findActiveSession(
  em: EntityManager,
  userId: number,
  lessonId: number,
): Promise<SessionRow | null> {
  const [row] = await em.execute<RawSession[]>(
    `select ${SESSION_COLUMNS} from lesson_sessions where user_id = ? and lesson_id = ? and status = 'active'`,
    [userId, lessonId],
  );
  return row ? toSessionRow(row) : null;
}

export function sessionNotActive(session: SessionRow): DomainError {
  return new DomainError('SESSION_NOT_ACTIVE', 'CONFLICT', `This lesson session is ${session.status}`, {
    path: ['sessionId'],
    status: session.status,
  });
}

export interface MissingExercise {
  readonly exerciseId: number;
  readonly position: number;
}

/** Required exercises of the run's lesson with no correct attempt in this run, in lesson order. */
export async function findMissingRequired(
  em: EntityManager,
  session: Pick<SessionRow, 'id' | 'lessonId'>,
): Promise<MissingExercise[]> {
  const rows = await em.execute<{ exercise_id: string; position: number }[]>(
    `select le.exercise_id, le.position from lesson_exercises le
      where le.lesson_id = ? and le.is_required
        and not exists (select 1 from user_exercise_interactions i
                         where i.lesson_session_id = ? and i.exercise_id = le.exercise_id
                           and i.kind = 'attempt' and i.is_correct)
      order by le.position`,
    [session.lessonId, session.id],
  );
  return rows.map((row) => ({ exerciseId: Number(row.exercise_id), position: row.position }));
}

/** Exercises answered correctly in this run. */
export async function findAnsweredCorrectly(em: EntityManager, sessionId: number): Promise<number[]> {
  const rows = await em.execute<{ exercise_id: string }[]>(
    `select distinct exercise_id from user_exercise_interactions
      where lesson_session_id = ? and kind = 'attempt' and is_correct order by exercise_id`,
    [sessionId],
  );
  return rows.map((row) => Number(row.exercise_id));
}

/** The learner's IANA time zone, which fixes the local day of what they do. */
export async function findTimeZone(em: EntityManager, userId: number): Promise<string> {
  const [row] = await em.execute<{ timezone: string }[]>('select timezone from users where id = ?', [userId]);
  if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'There is no such user');
  return row.timezone;
}
