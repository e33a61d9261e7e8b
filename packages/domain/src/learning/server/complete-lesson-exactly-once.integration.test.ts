import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import type { DomainError } from '../../shared/universal/domain-error.ts';
import { completeLesson } from './complete-lesson.ts';
import {
  ledgerOf,
  newIdempotencyKey,
  newLearner,
  playLesson,
  rejection,
  sessionStatus,
  useLessonContent,
} from './testing/lesson-fixtures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

useLessonContent(db);

describe('completeLesson exactly once', () => {
  it('grants exactly once when 20 identical completions race, and all get the same result', async () => {
    const userId = await newLearner(db.em(), now);
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const idempotencyKey = newIdempotencyKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => completeLesson(db.em(), { userId, sessionId, idempotencyKey, now })),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toMatchObject({ xpEarned: 10, totalXp: 35 });
    const ledger = await ledgerOf(db.em(), userId);
    expect(ledger.filter((e) => e.source === 'lesson')).toHaveLength(1);
    expect(ledger.reduce((sum, e) => sum + e.amount, 0)).toBe(35);
  });

  it('answers a retry with the first result, whatever happened since', async () => {
    const userId = await newLearner(db.em(), now);
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const idempotencyKey = newIdempotencyKey();
    const first = await completeLesson(db.em(), { userId, sessionId, idempotencyKey, now });
    const second = await playLesson(db.em(), userId, 'es-greetings-2', later(60_000));
    await completeLesson(db.em(), {
      userId,
      sessionId: second,
      idempotencyKey: newIdempotencyKey(),
      now: later(60_000),
    });

    const retried = await completeLesson(db.em(), {
      userId,
      sessionId,
      idempotencyKey,
      now: later(3_600_000),
    });
    expect(retried).toEqual(first);
    expect((await ledgerOf(db.em(), userId)).filter((e) => e.source === 'lesson')).toHaveLength(2);
  });

  it('refuses the same run under another key, even when 20 race: one grant', async () => {
    const userId = await newLearner(db.em(), now);
    const sessionId = await playLesson(db.em(), userId, 'es-greetings-1', now);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        completeLesson(db.em(), { userId, sessionId, idempotencyKey: newIdempotencyKey(), now }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const codes = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as DomainError).code] : [],
    );
    expect(codes).toEqual(Array(19).fill('LESSON_ALREADY_COMPLETED'));
    expect((await ledgerOf(db.em(), userId)).filter((e) => e.source === 'lesson')).toHaveLength(1);
  });

  it('refuses a key reused for another run', async () => {
    const userId = await newLearner(db.em(), now);
    const idempotencyKey = newIdempotencyKey();
    const first = await playLesson(db.em(), userId, 'es-greetings-1', now);
    await completeLesson(db.em(), { userId, sessionId: first, idempotencyKey, now });
    const second = await playLesson(db.em(), userId, 'es-greetings-2', now);
    const error = await rejection(
      completeLesson(db.em(), { userId, sessionId: second, idempotencyKey, now }),
    );
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kind: 'CONFLICT' });
    expect(await sessionStatus(db.em(), second)).toBe('active');
  });
});
