import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { isoWeekOf } from '../universal/leaderboards.ts';
import { grantXp, type XpGrant } from './grant-xp.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
const now = new Date('2026-03-04T21:30:00Z');

async function newLearner(): Promise<number> {
  return (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
}

const grant = (userId: number, overrides: Partial<XpGrant> = {}): XpGrant => ({
  userId,
  amount: 10,
  source: 'lesson',
  idempotencyKey: `lesson-session:${Math.random().toString(36).slice(2)}`,
  occurredAt: now,
  timeZone: 'UTC',
  ...overrides,
});

const inTransaction = <T>(work: (em: ReturnType<typeof db.em>) => Promise<T>) => db.em().transactional(work);

describe('grantXp', () => {
  it('moves the profile, level, daily row and standings with the ledger', async () => {
    const userId = await newLearner();
    const result = await inTransaction((em) => grantXp(em, grant(userId, { amount: 60 })));
    expect(result).toMatchObject({ granted: true, xp: 60, level: 2, localDate: '2026-03-04' });
    const [daily] = await db
      .em()
      .execute(`select xp, goal, goal_met from user_daily_xp where user_id = ?`, [userId]);
    expect(daily).toEqual({ xp: 60, goal: 20, goal_met: true });
    const standings = await db
      .em()
      .execute(`select board, scope, score from leaderboard_standings where user_id = ? order by board`, [
        userId,
      ]);
    expect(standings).toEqual([
      { board: 'xp_all_time', scope: 'all', score: 60 },
      { board: 'xp_weekly', scope: isoWeekOf(now), score: 60 },
    ]);
    await expectLedgerBalanced(db.em());
  });

  it("counts the learner's local day: 21:30 UTC is the next day in Pacific/Kiritimati", async () => {
    const userId = await newLearner();
    const result = await inTransaction((em) =>
      grantXp(em, grant(userId, { timeZone: 'Pacific/Kiritimati' })),
    );
    expect(result.localDate).toBe('2026-03-05');
  });

  it('grants once for 20 identical concurrent requests', async () => {
    const userId = await newLearner();
    const same = grant(userId, { idempotencyKey: 'lesson-session:same-one' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => inTransaction((em) => grantXp(em, same))),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.eventId)).size).toBe(1);
    const [profile] = await db.em().execute(`select xp from user_profiles where user_id = ?`, [userId]);
    expect(profile).toEqual({ xp: 10 });
    await expectLedgerBalanced(db.em());
  });

  it('adds up exactly under 8 × 100 distinct concurrent awards', async () => {
    const userId = await newLearner();
    const workers = Array.from({ length: 8 }, (_, worker) =>
      (async () => {
        for (let i = 0; i < 100; i += 1) {
          await inTransaction((em) =>
            grantXp(em, grant(userId, { amount: 1 + (i % 3), idempotencyKey: `award-${worker}-${i}` })),
          );
        }
      })(),
    );
    await Promise.all(workers);
    const expected = 8 * Array.from({ length: 100 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    const [profile] = await db.em().execute(`select xp from user_profiles where user_id = ?`, [userId]);
    expect(profile).toEqual({ xp: expected });
    const [weekly] = await db
      .em()
      .execute(`select score from leaderboard_standings where user_id = ? and board = 'xp_weekly'`, [userId]);
    expect(weekly).toEqual({ score: expected });
    await expectLedgerBalanced(db.em());
  });
});
