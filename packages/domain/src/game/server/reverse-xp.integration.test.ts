import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { isoWeekOf } from '../universal/leaderboards.ts';
import { grantXp } from './grant-xp.ts';
import { reverseXp } from './reverse-xp.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
// Monday 2 March, 23:30 in Madrid (UTC+1) is already Tuesday 3 March there.
const granted = new Date('2026-03-02T23:30:00Z');
// Reversed a week later, in another ISO week.
const later = new Date('2026-03-10T08:00:00Z');

async function learner(): Promise<number> {
  const user = await createAccount(db.em(), uniqueSignUpInput(), granted);
  await db
    .em()
    .execute(`update users set timezone = 'Europe/Madrid', daily_xp_goal = 10 where id = ?`, [user.id]);
  return user.id;
}

const grant = (userId: number, amount: number, occurredAt = granted) =>
  db.em().transactional((tx) =>
    grantXp(tx, {
      userId,
      amount,
      source: 'habit',
      idempotencyKey: randomUUID(),
      occurredAt,
      timeZone: 'Europe/Madrid',
    }),
  );

const reverse = (userId: number, eventId: number, idempotencyKey = randomUUID()) =>
  db.em().transactional((tx) => reverseXp(tx, { userId, eventId, idempotencyKey, occurredAt: later }));

const standingsOf = (userId: number) =>
  db
    .em()
    .execute<{ board: string; scope: string; score: number }[]>(
      'select board, scope, score from leaderboard_standings where user_id = ? order by board, scope',
      [userId],
    );

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('reverseXp', () => {
  it('negates exactly one entry and moves the profile, the original day’s row and the standings back', async () => {
    const userId = await learner();
    await grant(userId, 30, new Date('2026-03-01T10:00:00Z'));
    const original = await grant(userId, 40);
    expect(original).toMatchObject({ xp: 70, level: 2, localDate: '2026-03-03' });

    const result = await reverse(userId, original.eventId);

    expect(result).toMatchObject({ reversed: true, amount: -40, xp: 30, level: 1, localDate: '2026-03-03' });
    const [entry] = await db
      .em()
      .execute<{ amount: number; local_date: string; reverses_event_id: string }[]>(
        `select amount, to_char(local_date, 'YYYY-MM-DD') as local_date, reverses_event_id from xp_events where id = ?`,
        [result.eventId],
      );
    expect(entry).toEqual({
      amount: -40,
      local_date: '2026-03-03',
      reverses_event_id: String(original.eventId),
    });
    const [day] = await db
      .em()
      .execute<{ xp: number; goal_met: boolean }[]>(
        `select xp, goal_met from user_daily_xp where user_id = ? and local_date = '2026-03-03'`,
        [userId],
      );
    expect(day).toEqual({ xp: 0, goal_met: false });
    expect(await standingsOf(userId)).toEqual([
      { board: 'xp_all_time', scope: 'all', score: 30 },
      { board: 'xp_weekly', scope: isoWeekOf(new Date('2026-03-01T10:00:00Z')), score: 30 },
      { board: 'xp_weekly', scope: isoWeekOf(granted), score: 0 },
    ]);
  });

  it('reverses an entry at most once, whatever the key', async () => {
    const userId = await learner();
    const original = await grant(userId, 5);
    const first = await reverse(userId, original.eventId);
    const again = await reverse(userId, original.eventId);
    expect(again).toMatchObject({ reversed: false, eventId: first.eventId, amount: -5, xp: 0 });
    const [count] = await db
      .em()
      .execute<{ n: number }[]>('select count(*)::int as n from xp_events where user_id = ?', [userId]);
    expect(count?.n).toBe(2);
  });

  it('reverses once when 10 reversals race', async () => {
    const userId = await learner();
    const original = await grant(userId, 5);
    const results = await Promise.all(Array.from({ length: 10 }, () => reverse(userId, original.eventId)));
    expect(results.filter((result) => result.reversed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.eventId)).size).toBe(1);
  });

  it('refuses to reverse a reversal, or another learner’s entry', async () => {
    const userId = await learner();
    const original = await grant(userId, 5);
    const reversal = await reverse(userId, original.eventId);
    const refusal = await reverse(userId, reversal.eventId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('XP_EVENT_IS_REVERSAL');

    const other = await learner();
    const foreign = await reverse(other, original.eventId).catch((error: unknown) => error);
    expect((foreign as DomainError).code).toBe('XP_EVENT_NOT_FOUND');
  });
});
