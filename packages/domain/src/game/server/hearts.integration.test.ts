import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { loseOne, regenerateHearts } from '../../learning/universal/hearts.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { loseHeart, readHearts, refillHearts, requireHeart } from './hearts.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

async function newLearner(role: 'learner' | 'admin' = 'learner'): Promise<number> {
  return (await createAccount(db.em(), uniqueSignUpInput(), now, { role })).id;
}

async function setHearts(userId: number, hearts: number, regenFrom: Date | null): Promise<void> {
  await db
    .em()
    .execute('update user_profiles set hearts = ?, hearts_regen_from = ? where user_id = ?', [
      hearts,
      regenFrom,
      userId,
    ]);
}

async function heartsLog(userId: number) {
  return db
    .em()
    .execute<{ action: string; delta: number; balance_after: number; reason: string }[]>(
      'select action, delta, balance_after, reason from user_hearts_log where user_id = ? order by id',
      [userId],
    );
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('hearts', () => {
  it('starts full, and a loss starts the regeneration clock', async () => {
    const userId = await newLearner();
    expect(await readHearts(db.em(), userId, now)).toMatchObject({ hearts: 5, max: 5, nextHeartAt: null });

    const loss = await loseHeart(db.em(), userId, now, 'wrong answer');
    expect(loss).toMatchObject({ hearts: 4, lost: true, regenFrom: now, nextHeartAt: later(4 * HOUR) });
    expect(await heartsLog(userId)).toEqual([
      { action: 'lost', delta: -1, balance_after: 4, reason: 'wrong answer' },
    ]);
  });

  it('refuses at 0 with when the next heart comes, and gives one back after 4 hours', async () => {
    const userId = await newLearner();
    for (let i = 0; i < 5; i += 1) await loseHeart(db.em(), userId, later(i * 1000), 'wrong answer');

    const empty = await rejection(requireHeart(db.em(), userId, later(HOUR)));
    expect(empty).toMatchObject({ code: 'HEARTS_EMPTY', kind: 'PRECONDITION_FAILED' });
    expect(empty.details.nextHeartAt).toEqual(later(4 * HOUR));
    expect(await loseHeart(db.em(), userId, later(HOUR), 'wrong answer')).toMatchObject({
      hearts: 0,
      lost: false,
    });

    expect(await requireHeart(db.em(), userId, later(4 * HOUR))).toMatchObject({ hearts: 1, regenerated: 1 });
    await loseHeart(db.em(), userId, later(5 * HOUR), 'wrong answer');
    expect((await heartsLog(userId)).slice(-2)).toEqual([
      { action: 'regenerated', delta: 1, balance_after: 1, reason: 'regenerated over time' },
      { action: 'lost', delta: -1, balance_after: 0, reason: 'wrong answer' },
    ]);
    expect(await readHearts(db.em(), userId, later(5 * HOUR))).toMatchObject({
      hearts: 0,
      nextHeartAt: later(8 * HOUR),
    });
  });

  it('never goes below 0 under 10 concurrent losses', async () => {
    const userId = await newLearner();
    const losses = await Promise.all(
      Array.from({ length: 10 }, () => loseHeart(db.em(), userId, now, 'wrong answer')),
    );
    expect(losses.filter((loss) => loss.lost)).toHaveLength(5);
    expect(await readHearts(db.em(), userId, now)).toMatchObject({ hearts: 0 });
    const log = await heartsLog(userId);
    expect(log.map((row) => row.balance_after).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('computes in SQL exactly what the rule computes', async () => {
    const userId = await newLearner();
    const clocks = fc.option(fc.integer({ min: 0, max: 30 * HOUR }), { nil: null });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        clocks,
        fc.nat(30 * HOUR),
        async (hearts, clock, at) => {
          const regenFrom = clock === null ? null : later(clock);
          const instant = later(Math.max(at, clock ?? 0));
          await setHearts(userId, hearts, regenFrom);
          const expected = loseOne({ hearts, regenFrom }, instant);
          const actual = await loseHeart(db.em(), userId, instant, 'property');
          expect(actual).toEqual(expected);
          expect(await readHearts(db.em(), userId, instant)).toEqual({
            ...regenerateHearts({ hearts: expected.hearts, regenFrom: expected.regenFrom }, instant),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('refillHearts', () => {
  it('fills up to max with the hearts log and an audit record of before and after', async () => {
    const [adminId, userId] = await Promise.all([newLearner('admin'), newLearner()]);
    await setHearts(userId, 1, now);
    const view = await refillHearts(db.em(), {
      adminId,
      userId,
      now: later(5 * HOUR),
      reason: 'support ticket 42',
    });
    expect(view).toMatchObject({ hearts: 5, regenFrom: null, nextHeartAt: null, regenerated: 1 });
    expect(await heartsLog(userId)).toEqual([
      { action: 'regenerated', delta: 1, balance_after: 2, reason: 'regenerated over time' },
      { action: 'refilled', delta: 3, balance_after: 5, reason: 'support ticket 42' },
    ]);
    const [audit] = await db
      .em()
      .execute<{ actor_id: string; action: string; entity_id: string; before: unknown; after: unknown }[]>(
        'select actor_id, action, entity_id, before, after from system_audit_logs where entity_id = ?',
        [String(userId)],
      );
    expect(audit).toMatchObject({
      actor_id: String(adminId),
      action: 'hearts.refill',
      before: { hearts: 2, storedHearts: 1, regenFrom: now.toISOString() },
      after: { hearts: 5, regenFrom: null },
    });
  });

  it('is refused to a learner, and to bad input, changing nothing', async () => {
    const [adminId, userId] = await Promise.all([newLearner('admin'), newLearner()]);
    await setHearts(userId, 0, now);
    const learner = await rejection(refillHearts(db.em(), { adminId: userId, userId, now, reason: 'me' }));
    expect(learner).toMatchObject({ code: 'ADMIN_REQUIRED', kind: 'FORBIDDEN' });
    const blank = await rejection(refillHearts(db.em(), { adminId, userId, now, reason: '  ' }));
    expect(blank).toMatchObject({ code: 'BAD_INPUT', kind: 'BAD_INPUT', details: { path: ['reason'] } });
    expect(await readHearts(db.em(), userId, now)).toMatchObject({ hearts: 0 });
    expect(await heartsLog(userId)).toEqual([]);
  });

  it('refuses an unknown learner', async () => {
    const adminId = await newLearner('admin');
    const missing = await rejection(refillHearts(db.em(), { adminId, userId: 999_999, now, reason: 'x' }));
    expect(missing.code).toBe('PROFILE_NOT_FOUND');
  });
});
