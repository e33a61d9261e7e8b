import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import {
  answersOf,
  courseIdOf,
  ledgerOf,
  lessonIdOf,
  newIdempotencyKey,
  useLessonContent,
} from '@questline/domain/learning/server/testing/lesson-fixtures';
import { describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { playLessonThroughApi, runSnapshot } from '../testing/lesson-play.ts';

const db = useTestDatabase();
useLessonContent(db);

/** The ledger entries that rewarded this run itself (achievements it unlocked come separately). */
const runGrants = async (userId: number, sessionId: number) =>
  (await ledgerOf(db.em(), userId)).filter(
    (entry) => entry.idempotency_key === `lesson-session:${sessionId}`,
  );

async function cacheProfileStats(userId: number): Promise<void> {
  await db.em().execute(
    `insert into user_stats_cache (user_id, stats_json, computed_at, expires_at)
       values (?, '{}', now(), now() + interval '5 minutes')`,
    [userId],
  );
}

const cachedStats = async (userId: number) =>
  db.em().execute('select 1 from user_stats_cache where user_id = ?', [userId]);

describe('learning.complete', () => {
  it('rewards a finished run, opens the next lesson and drops the cached profile stats', async () => {
    const { account, caller } = await signedUpLearner(db);
    const sessionId = await playLessonThroughApi(db, caller, 'es-greetings-1');
    await cacheProfileStats(account.id);
    const completion = await caller.learning.complete({ sessionId, idempotencyKey: newIdempotencyKey() });
    expect(completion).toMatchObject({
      sessionId,
      lessonId: await lessonIdOf(db.em(), 'es-greetings-1'),
      score: 100,
      xpEarned: 10,
      streak: { current: 1, dayAdded: true },
    });
    expect(completion.totalXp).toBe(10 + completion.bonusXp);
    expect((await runGrants(account.id, sessionId)).map((entry) => entry.amount)).toEqual([10]);
    expect(await cachedStats(account.id)).toEqual([]);
    expect(await caller.learning.session({ sessionId })).toMatchObject({
      status: 'completed',
      resumed: false,
    });
    const map = await caller.learning.courseMap({ courseId: await courseIdOf(db.em(), 'es-greetings-1') });
    const lessons = map.sections[0]?.units[0]?.lessons;
    expect(lessons?.slice(0, 2).map((lesson) => lesson.status)).toEqual(['completed', 'unlocked']);
  });

  it('answers a repeated key with the first result and grants once; another key is a conflict', async () => {
    const { account, caller } = await signedUpLearner(db);
    const sessionId = await playLessonThroughApi(db, caller, 'es-greetings-1');
    const idempotencyKey = newIdempotencyKey();
    const first = await caller.learning.complete({ sessionId, idempotencyKey });
    const ledger = await ledgerOf(db.em(), account.id);
    expect(await caller.learning.complete({ sessionId, idempotencyKey })).toEqual(first);
    const error = await trpcErrorOf(
      caller.learning.complete({ sessionId, idempotencyKey: newIdempotencyKey() }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({ code: 'LESSON_ALREADY_COMPLETED' });
    expect(await ledgerOf(db.em(), account.id)).toEqual(ledger);
  });

  it('grants once when 20 identical completes race, and all get the same result', async () => {
    const { account, token, caller } = await signedUpLearner(db);
    const sessionId = await playLessonThroughApi(db, caller, 'es-greetings-1');
    const idempotencyKey = newIdempotencyKey();
    const callers = await Promise.all(Array.from({ length: 20 }, () => callerFor(db, token)));
    const results = await Promise.all(
      callers.map((racer) => racer.learning.complete({ sessionId, idempotencyKey })),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await runGrants(account.id, sessionId)).toHaveLength(1);
    const total = (await ledgerOf(db.em(), account.id)).reduce((sum, entry) => sum + entry.amount, 0);
    expect(total).toBe(results[0]?.totalXp);
  });

  it('refuses an unfinished run and a malformed key, changing nothing and not using up the key', async () => {
    const { account, caller } = await signedUpLearner(db);
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const run = await caller.learning.start({ lessonId });
    const [first, ...rest] = await answersOf(db.em(), lessonId);
    if (!first) throw new Error('the lesson has no exercises');
    const answer = (exerciseId: number, given: typeof first.right) =>
      caller.learning.answer({ sessionId: run.sessionId, exerciseId, answer: given, timeSpentMs: 1_000 });
    await answer(first.exerciseId, first.right);
    const before = await runSnapshot(db, run.sessionId);
    const idempotencyKey = newIdempotencyKey();

    const unfinished = await trpcErrorOf(
      caller.learning.complete({ sessionId: run.sessionId, idempotencyKey }),
    );
    expect(unfinished.code).toBe('PRECONDITION_FAILED');
    expect(unfinished.cause).toMatchObject({
      code: 'LESSON_INCOMPLETE',
      details: { missing: expect.any(Array) },
    });
    const malformed = await trpcErrorOf(
      caller.learning.complete({ sessionId: run.sessionId, idempotencyKey: 'no spaces!' }),
    );
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(fieldPathsOf(malformed)).toEqual([['idempotencyKey']]);
    expect(await runSnapshot(db, run.sessionId)).toEqual(before);

    for (const known of rest) await answer(known.exerciseId, known.right);
    const completion = await caller.learning.complete({ sessionId: run.sessionId, idempotencyKey });
    expect(completion.xpEarned).toBe(10);
    expect(await runGrants(account.id, run.sessionId)).toHaveLength(1);
  });

  it("cannot complete another learner's run, even with the owner's key", async () => {
    const owner = await signedUpLearner(db);
    const other = await signedUpLearner(db);
    const sessionId = await playLessonThroughApi(db, owner.caller, 'es-greetings-1');
    const before = await runSnapshot(db, sessionId);
    const idempotencyKey = newIdempotencyKey();
    const error = await trpcErrorOf(other.caller.learning.complete({ sessionId, idempotencyKey }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.cause).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect(await runSnapshot(db, sessionId)).toEqual(before);
    expect(await ledgerOf(db.em(), other.account.id)).toEqual([]);

    // Keys belong to their learner: the owner's completion is not replayed to anyone else.
    await owner.caller.learning.complete({ sessionId, idempotencyKey });
    const replay = await trpcErrorOf(other.caller.learning.complete({ sessionId, idempotencyKey }));
    expect(replay.code).toBe('NOT_FOUND');
    expect(await ledgerOf(db.em(), other.account.id)).toEqual([]);
  });

  it('is refused to an anonymous caller', async () => {
    const anonymous = await callerFor(db);
    const error = await trpcErrorOf(
      anonymous.learning.complete({ sessionId: 1, idempotencyKey: newIdempotencyKey() }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
  });
});
