import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { countRows, newKey } from '@questline/domain/habits/server/testing/habit-fixtures';
import { describe, expect, it } from 'vitest';
import { expectBadInputAt } from '../testing/admin.ts';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();
const now = new Date('2026-03-20T12:00:00Z'); // a Friday
const today = '2026-03-20';
const learner = () => signedUpLearner(db, {}, { now: () => now });

describe('habits router', () => {
  it('creates habits and shows them on the dashboard of the learner’s today', async () => {
    const { caller } = await learner();
    const read = await caller.habits.create({ name: '  Read  ', targetValue: 2 });
    expect(read).toMatchObject({ name: 'Read', goalType: 'daily', targetValue: 2, archivedAt: null });
    expect(read.createdAt).toEqual(now);
    const gym = await caller.habits.create({ name: 'Gym', goalType: 'custom', scheduleMask: 0b0010101 });

    const dashboard = await caller.habits.dashboard();
    expect(dashboard.today).toBe(today);
    expect(dashboard.habits.map((entry) => entry.habit.id)).toEqual([read.id, gym.id]);
    expect(dashboard.habits[0]).toMatchObject({
      today: { date: today, value: null, met: false },
      progress: { done: 0, target: 2 },
      streak: { current: 0, longest: 0 },
    });
    expect(dashboard.habits[0]?.lastSevenDays.at(-1)?.date).toBe(today);
  });

  it('takes today from the learner’s time zone, not the server’s', async () => {
    const { caller, account } = await learner();
    await db.em().execute('update users set timezone = ? where id = ?', ['Pacific/Kiritimati', account.id]);
    expect((await caller.habits.dashboard()).today).toBe('2026-03-21');
  });

  it('updates only the given fields and recomputes the streak under a new target', async () => {
    const { caller } = await learner();
    const habit = await caller.habits.create({ name: 'Water', targetValue: 3 });
    await caller.habits.checkIn({ habitId: habit.id, date: today, value: 2, idempotencyKey: newKey() });
    const updated = await caller.habits.update({ habitId: habit.id, targetValue: 2, category: 'health' });
    expect(updated).toMatchObject({ id: habit.id, name: 'Water', targetValue: 2, category: 'health' });
    const [entry] = (await caller.habits.dashboard()).habits;
    expect(entry).toMatchObject({ today: { value: 2, met: true }, streak: { current: 1 } });
  });

  it('archives a habit off the dashboard and list, keeps it listable, and restores it', async () => {
    const { caller } = await learner();
    const kept = await caller.habits.create({ name: 'Kept' });
    const habit = await caller.habits.create({ name: 'Paused' });
    const archived = await caller.habits.archive({ habitId: habit.id });
    expect(archived.archivedAt).toEqual(now);
    expect((await caller.habits.list()).map((h) => h.id)).toEqual([kept.id]);
    expect((await caller.habits.list({ includeArchived: true })).map((h) => h.id)).toEqual([
      kept.id,
      habit.id,
    ]);
    expect((await caller.habits.dashboard()).habits.map((entry) => entry.habit.id)).toEqual([kept.id]);

    const error = await trpcErrorOf(
      caller.habits.checkIn({ habitId: habit.id, date: today, idempotencyKey: newKey() }),
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect((await caller.habits.archive({ habitId: habit.id, archived: false })).archivedAt).toBeNull();
    expect(await caller.habits.list()).toHaveLength(2);
  });

  it('draws the year heatmap and the twelve-week trends', async () => {
    const { caller } = await learner();
    const habit = await caller.habits.create({ name: 'Walk' });
    await caller.habits.checkIn({ habitId: habit.id, date: today, idempotencyKey: newKey() });

    const heatmap = await caller.habits.heatmap({ habitId: habit.id, year: 2026 });
    expect(heatmap.days).toHaveLength(365);
    expect(heatmap.days.find((day) => day.date === today)).toMatchObject({ value: 1, met: true });
    expect(heatmap.days.filter((day) => day.value !== null)).toHaveLength(1);

    for (const trends of [
      await caller.habits.trends({ habitId: habit.id }),
      await caller.habits.trends({}),
    ]) {
      expect(trends.weeks).toHaveLength(12);
      // Created on Friday: Friday is met, nothing before it was due.
      expect(trends.weeks.at(-1)).toEqual({ weekStart: '2026-03-16', completionRate: 1 });
      expect(trends.weeks.at(-2)?.completionRate).toBeNull();
    }
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const { caller, account } = await learner();
    const habit = await caller.habits.create({ name: 'Weekly', goalType: 'weekly', targetValue: 3 });
    const before = await countRows(db.em(), 'habits', 'user_id = ?', [account.id]);

    await expectBadInputAt(caller.habits.create({ name: '   ' }), ['name']);
    await expectBadInputAt(caller.habits.create({ name: 'Gym', goalType: 'custom' }), ['scheduleMask']);
    await expectBadInputAt(caller.habits.create({ name: 'Big', targetValue: 0 }), ['targetValue']);
    await expectBadInputAt(
      caller.habits.update({ habitId: habit.id, targetValue: 8 }),
      ['targetValue'],
      'HABIT_RULE_INVALID',
    );
    await expectBadInputAt(caller.habits.heatmap({ habitId: habit.id, year: 0 }), ['year']);
    await expectBadInputAt(caller.habits.update({ habitId: -1, name: 'x' }), ['habitId']);
    await expectBadInputAt(
      caller.habits.checkIn({ habitId: habit.id, date: '2026-02-30', idempotencyKey: newKey() }),
      ['date'],
    );
    await expectBadInputAt(
      caller.habits.checkIn({ habitId: habit.id, date: '2026-03-21', idempotencyKey: newKey() }),
      ['date'],
      'CHECK_IN_DATE_AHEAD',
    );
    await expectBadInputAt(
      caller.habits.checkIn({ habitId: habit.id, date: today, idempotencyKey: 'short' }),
      ['idempotencyKey'],
    );

    expect(await countRows(db.em(), 'habits', 'user_id = ?', [account.id])).toBe(before);
    expect(await caller.habits.list()).toEqual([habit]);
    expect(await countRows(db.em(), 'habit_completions', 'user_id = ?', [account.id])).toBe(0);
  });

  it('refuses every habit procedure to an anonymous caller', async () => {
    const anonymous = await callerFor(db, null, { now: () => now });
    const calls = [
      () => anonymous.habits.list(),
      () => anonymous.habits.dashboard(),
      () => anonymous.habits.create({ name: 'x' }),
      () => anonymous.habits.update({ habitId: 1, name: 'x' }),
      () => anonymous.habits.archive({ habitId: 1 }),
      () => anonymous.habits.checkIn({ habitId: 1, date: today, idempotencyKey: newKey() }),
      () => anonymous.habits.undoCheckIn({ habitId: 1, date: today, idempotencyKey: newKey() }),
      () => anonymous.habits.heatmap({ habitId: 1, year: 2026 }),
      () => anonymous.habits.trends({}),
    ];
    for (const call of calls) expect((await trpcErrorOf(call())).code).toBe('UNAUTHORIZED');
  });
});
