import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, expect } from 'vitest';
import { seedCatalog } from '../../../catalog/server/seed-catalog.ts';
import type { ExerciseTypeCode } from '../../../catalog/universal/exercise-types.ts';
import type { TestDatabase } from '../../../database/server/testing/test-database.ts';
import { seedGameContent } from '../../../game/server/seed-game-content.ts';
import { expectLedgerBalanced } from '../../../game/server/testing/ledger-invariant.ts';
import { createAccount } from '../../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../../shared/universal/domain-error.ts';
import type { ExerciseAnswer } from '../../universal/check-answer.ts';
import { answerExercise } from '../answer-exercise.ts';
import { startLesson } from '../start-lesson.ts';

// Test data for the lesson services: learners, the seeded Spanish course's ids, right and wrong
// answers read from the catalog (so the tests follow the content, not a copy of it).

export async function newLearner(em: EntityManager, now: Date, timeZone = 'UTC'): Promise<number> {
  const user = await createAccount(em, uniqueSignUpInput(), now);
  if (timeZone !== 'UTC') {
    await em.execute('update users set timezone = ? where id = ?', [timeZone, user.id]);
  }
  return user.id;
}

export async function lessonIdOf(em: EntityManager, key: string): Promise<number> {
  const [row] = await em.execute<{ id: string }[]>('select id from lessons where key = ?', [key]);
  if (!row) throw new Error(`no lesson ${key}: seed the catalog first`);
  return Number(row.id);
}

export async function courseIdOf(em: EntityManager, lessonKey: string): Promise<number> {
  const [row] = await em.execute<{ course_id: string }[]>(
    `select s.course_id from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
      where l.key = ?`,
    [lessonKey],
  );
  if (!row) throw new Error(`no lesson ${lessonKey}: seed the catalog first`);
  return Number(row.course_id);
}

export interface KnownAnswer {
  readonly exerciseId: number;
  readonly type: ExerciseTypeCode;
  readonly correctAnswer: string;
  /** A right answer in the shape the player sends (match pairs as pairs, reversed). */
  readonly right: ExerciseAnswer;
  /** A certainly wrong answer of the right shape. */
  readonly wrong: ExerciseAnswer;
}

export async function answersOf(em: EntityManager, lessonId: number): Promise<KnownAnswer[]> {
  const rows = await em.execute<{ id: string; type: ExerciseTypeCode; correct_answer: string }[]>(
    `select e.id, t.code as type, e.correct_answer from lesson_exercises le
       join exercises e on e.id = le.exercise_id join exercise_types t on t.id = e.exercise_type_id
      where le.lesson_id = ? order by le.position`,
    [lessonId],
  );
  return rows.map((row) => {
    const pairs = row.correct_answer.split('|').map((pair) => {
      const [left = '', right = ''] = pair.split('=');
      return { left, right };
    });
    const isPairs = row.type === 'match_pairs';
    return {
      exerciseId: Number(row.id),
      type: row.type,
      correctAnswer: row.correct_answer,
      right: isPairs ? [...pairs].reverse() : row.correct_answer,
      wrong: isPairs
        ? pairs.map((pair, i) => ({ left: pair.left, right: pairs[(i + 1) % pairs.length]?.right ?? '' }))
        : 'zzz qqq xxx',
    };
  });
}

/** Starts (or resumes) the lesson and answers every exercise right; returns the run's id. */
export async function playLesson(
  em: EntityManager,
  userId: number,
  lessonKey: string,
  now: Date,
): Promise<number> {
  const lessonId = await lessonIdOf(em, lessonKey);
  const run = await startLesson(em, { userId, lessonId, now });
  for (const known of await answersOf(em, lessonId)) {
    await answerExercise(em, {
      userId,
      sessionId: run.sessionId,
      exerciseId: known.exerciseId,
      answer: known.right,
      timeSpentMs: 4_000,
      now,
    });
  }
  return run.sessionId;
}

export const newIdempotencyKey = (): string => randomUUID();

/** The DomainError a call fails with (the test fails if it succeeds or fails otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Shipped lessons and achievements for the file's database; the ledger invariant after each test. */
export function useLessonContent(db: TestDatabase): void {
  beforeAll(async () => {
    await seedCatalog(db.em());
    await seedGameContent(db.em());
  });
  afterEach(async () => {
    await expectLedgerBalanced(db.em());
  });
}

/** The learner's ledger entries, oldest first. */
export function ledgerOf(em: EntityManager, userId: number) {
  return em.execute<{ source: string; amount: number; idempotency_key: string; local_date: string }[]>(
    `select source, amount, idempotency_key, to_char(local_date, 'YYYY-MM-DD') as local_date
       from xp_events where user_id = ? order by id`,
    [userId],
  );
}

export async function sessionStatus(em: EntityManager, sessionId: number): Promise<string | undefined> {
  const [row] = await em.execute<{ status: string }[]>('select status from lesson_sessions where id = ?', [
    sessionId,
  ]);
  return row?.status;
}
