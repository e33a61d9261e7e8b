import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { countRows, habitXpOf, newKey } from '@questline/domain/habits/server/testing/habit-fixtures';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();
const now = new Date('2026-03-20T12:00:00Z');
const today = '2026-03-20';
const learner = () => signedUpLearner(db, {}, { now: () => now });

describe('habits of another learner', () => {
  it('are not found for any procedure, and stay exactly as they were', async () => {
    const owner = await learner();
    const habit = await owner.caller.habits.create({ name: 'Owner’s habit' });
    await owner.caller.habits.checkIn({
      habitId: habit.id,
      date: today,
      notes: 'mine',
      idempotencyKey: newKey(),
    });
    const ownerView = async () => {
      const caller = await callerFor(db, owner.token, { now: () => now });
      return {
        habits: await caller.habits.list({ includeArchived: true }),
        dashboard: await caller.habits.dashboard(),
        heatmap: await caller.habits.heatmap({ habitId: habit.id, year: 2026 }),
      };
    };
    const before = await ownerView();

    const intruder = (await learner()).caller;
    const habitId = habit.id;
    // Thunks, run one at a time: one caller's EntityManager serves one request at a time.
    const attempts = {
      update: () => intruder.habits.update({ habitId, name: 'Taken over' }),
      archive: () => intruder.habits.archive({ habitId }),
      checkIn: () => intruder.habits.checkIn({ habitId, date: today, value: 0, idempotencyKey: newKey() }),
      undoCheckIn: () => intruder.habits.undoCheckIn({ habitId, date: today, idempotencyKey: newKey() }),
      heatmap: () => intruder.habits.heatmap({ habitId, year: 2026 }),
      trends: () => intruder.habits.trends({ habitId }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const error = await trpcErrorOf(attempt());
      expect(error.code, name).toBe('NOT_FOUND');
      expect(error.cause, name).toBeInstanceOf(DomainError);
      expect((error.cause as DomainError).code, name).toBe('HABIT_NOT_FOUND');
    }

    expect(await intruder.habits.list({ includeArchived: true })).toEqual([]);
    expect((await intruder.habits.dashboard()).habits).toEqual([]);
    expect(await ownerView()).toEqual(before);
    expect(await habitXpOf(db.em(), habitId)).toBe(5);
    expect(await countRows(db.em(), 'habit_completions', 'habit_id = ?', [habitId])).toBe(1);
    await expectLedgerBalanced(db.em());
  });
});
