import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { RECOMPUTE_BATCH_SIZE } from '@questline/domain/game/server/recompute-streaks';
import { recordPracticeDay } from '@questline/domain/game/server/record-practice';
import { insertLearners } from '@questline/domain/game/server/testing/standings-factory';
import { checkInHabit } from '@questline/domain/habits/server/check-in-habit';
import {
  expectHabitConsistent,
  learnerWithHabit,
  newKey,
} from '@questline/domain/habits/server/testing/habit-fixtures';
import type { DomainError } from '@questline/domain/shared/universal/domain-error';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly } from '../../testing/admin.ts';
import { callerFor, signedInAdmin, trpcErrorOf } from '../../testing/callers.ts';

const db = useTestDatabase();
let adminToken = '';

beforeAll(async () => {
  adminToken = (await signedInAdmin(db)).token;
});

const start = new Date('2026-03-01T08:00:00Z');
const day = (offset: number, hour = 12) =>
  new Date(start.getTime() + offset * 86_400_000 + (hour - 8) * 3_600_000);
const dateOf = (offset: number) => day(offset).toISOString().slice(0, 10);

/** A learner who practised and checked their habit in on three days in a row, through the services. */
async function learnerWithStreaks() {
  const learner = await learnerWithHabit(db.em, start);
  for (let offset = 0; offset < 3; offset += 1) {
    await db.em().transactional((tx) =>
      recordPracticeDay(tx, {
        userId: learner.userId,
        instant: day(offset),
        timeZone: 'UTC',
        reason: 'completed a lesson',
      }),
    );
    await checkInHabit(db.em(), {
      userId: learner.userId,
      now: day(offset, 20),
      habitId: learner.habitId,
      date: dateOf(offset),
      idempotencyKey: newKey(),
    });
  }
  return learner;
}

const studyStreakOf = async (userId: number) =>
  (
    await db.em().execute<{ current: number; longest: number; freezes: number; last: string | null }[]>(
      `select study_streak_current as current, study_streak_longest as longest, streak_freezes as freezes,
              to_char(last_activity_date, 'YYYY-MM-DD') as last
         from user_profiles where user_id = ?`,
      [userId],
    )
  )[0];

async function corrupt(userId: number, habitId: number) {
  await db
    .em()
    .execute(
      'update user_profiles set study_streak_current = 0, study_streak_longest = 9, streak_freezes = 2 where user_id = ?',
      [userId],
    );
  await db
    .em()
    .execute(
      'update habit_streaks set current_streak = 0, longest_streak = 0, strength = 0 where habit_id = ?',
      [habitId],
    );
}

const auditRows = () =>
  db
    .em()
    .execute<
      { entity_id: string | null; before: Record<string, unknown[]>; after: Record<string, unknown[]> }[]
    >(
      `select entity_id, before, after from system_audit_logs where action = 'streaks.recompute' order by id`,
    );

const recompute = async (input: { userId?: number }) =>
  (await callerFor(db, adminToken)).admin.maintenance.recomputeStreaks(input);

describe('admin.maintenance.recomputeStreaks', () => {
  it("fixes one learner's study and habit streaks from their history, audited; a second run changes nothing", async () => {
    const learner = await learnerWithStreaks();
    const stored = await studyStreakOf(learner.userId);
    expect(stored).toEqual({ current: 3, longest: 3, freezes: 0, last: dateOf(2) });
    await corrupt(learner.userId, learner.habitId);
    const auditedBefore = (await auditRows()).length;

    expect(await recompute({ userId: learner.userId })).toEqual({
      users: 1,
      studyStreaksChanged: 1,
      habits: 1,
      habitStreaksChanged: 1,
    });
    expect(await studyStreakOf(learner.userId)).toEqual(stored);
    await expectHabitConsistent(db.em(), learner.habitId, learner.rule);
    const audit = (await auditRows()).at(-1);
    expect(audit?.entity_id).toBe(String(learner.userId));
    expect(audit?.before.studyStreaks).toEqual([
      { id: learner.userId, current: 0, longest: 9, freezes: 2, lastPractice: dateOf(2) },
    ]);
    expect(audit?.after.habitStreaks).toEqual([expect.objectContaining({ id: learner.habitId, current: 3 })]);

    expect(await recompute({ userId: learner.userId })).toMatchObject({
      studyStreaksChanged: 0,
      habitStreaksChanged: 0,
    });
    expect(await auditRows()).toHaveLength(auditedBefore + 1);
  });

  it('touches only the learner asked for; without one it covers everyone, batch after batch', async () => {
    const first = await learnerWithStreaks();
    const second = await learnerWithStreaks();
    await corrupt(first.userId, first.habitId);
    await corrupt(second.userId, second.habitId);
    await recompute({ userId: first.userId });
    expect(await studyStreakOf(second.userId)).toMatchObject({ current: 0, longest: 9 });

    // Enough learners for a second batch; the newest (last batch) has a streak it never earned.
    const many = await insertLearners(db.em(), RECOMPUTE_BATCH_SIZE + 5);
    const newest = many.at(-1) ?? 0;
    await db.em().execute('update user_profiles set study_streak_longest = 4 where user_id = ?', [newest]);
    const report = await recompute({});
    expect(report.users).toBeGreaterThan(RECOMPUTE_BATCH_SIZE + 5);
    expect(report).toMatchObject({ studyStreaksChanged: 2, habitStreaksChanged: 1 });
    expect(await studyStreakOf(second.userId)).toMatchObject({ current: 3, longest: 3 });
    expect(await studyStreakOf(newest)).toEqual({ current: 0, longest: 0, freezes: 0, last: null });
    expect(await recompute({})).toMatchObject({ studyStreaksChanged: 0, habitStreaksChanged: 0 });
  });

  it('refuses an unknown user and a malformed id, writing nothing', async () => {
    const audited = (await auditRows()).length;
    const unknown = await trpcErrorOf(recompute({ userId: 987_654_321 }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect((unknown.cause as DomainError).code).toBe('USER_NOT_FOUND');
    const malformed = await trpcErrorOf(recompute({ userId: -1 }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.cause).toMatchObject({ issues: [expect.objectContaining({ path: ['userId'] })] });
    expect(await auditRows()).toHaveLength(audited);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    await expectAdminOnly(db, (caller) => caller.admin.maintenance.recomputeStreaks({}));
  });
});
