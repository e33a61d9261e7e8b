import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { isoWeekOf } from '../universal/leaderboards.ts';
import { grantXp } from './grant-xp.ts';
import { getLeaderboard } from './leaderboards.ts';
import { insertLearners, setStandings, type StandingSeed } from './testing/standings-factory.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
const t0 = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let boards = 0;
/** Each test (and property run) its own weekly board, so they share nothing. */
const freshScope = () => {
  boards += 1;
  return `${2040 + Math.floor(boards / 50)}-W${String((boards % 50) + 1).padStart(2, '0')}`;
};

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** The ranking rule written out plainly: score desc, reached earlier, lower user id. */
const bruteForce = (standings: readonly StandingSeed[]) =>
  [...standings].sort(
    (a, b) => b.score - a.score || a.reachedAt.getTime() - b.reachedAt.getTime() || a.userId - b.userId,
  );

describe('getLeaderboard', () => {
  it('breaks ties by who reached the score first, then by the lower user id', async () => {
    const [a, b, c, d, e] = await insertLearners(db.em(), 5);
    const scope = freshScope();
    await setStandings(db.em(), 'xp_weekly', scope, [
      { userId: a ?? 0, score: 100, reachedAt: at(60) },
      { userId: c ?? 0, score: 100, reachedAt: at(0) },
      { userId: b ?? 0, score: 100, reachedAt: at(0) },
      { userId: d ?? 0, score: 120, reachedAt: at(120) },
      { userId: e ?? 0, score: 50, reachedAt: at(0) },
    ]);
    const view = await getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId: a ?? 0 });
    expect(view.top.map((entry) => [entry.rank, entry.userId, entry.score])).toEqual([
      [1, d, 120],
      [2, b, 100],
      [3, c, 100],
      [4, a, 100],
      [5, e, 50],
    ]);
    expect(view.me).toEqual({ rank: 4, score: 100 });
    expect(view.top[0]?.username).toMatch(/^board_/);
  });

  it('shows neighbours clipped at the top and at the bottom of the board', async () => {
    const users = await insertLearners(db.em(), 6);
    const scope = freshScope();
    await setStandings(
      db.em(),
      'xp_weekly',
      scope,
      users.map((userId, index) => ({ userId, score: 600 - index * 100, reachedAt: t0 })),
    );
    const ranksAround = async (userId: number | undefined, around: number) =>
      (
        await getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId: userId ?? 0, top: 3, around })
      ).neighbours.map((entry) => [entry.rank, entry.userId]);
    expect(await ranksAround(users[0], 2)).toEqual([
      [1, users[0]],
      [2, users[1]],
      [3, users[2]],
    ]);
    expect(await ranksAround(users[5], 2)).toEqual([
      [4, users[3]],
      [5, users[4]],
      [6, users[5]],
    ]);
    expect(await ranksAround(users[2], 1)).toEqual([
      [2, users[1]],
      [3, users[2]],
      [4, users[3]],
    ]);
    expect(await ranksAround(users[2], 0)).toEqual([[3, users[2]]]);
  });

  it('shows the board without a rank to a learner who has no standing on it', async () => {
    const [ranked, unranked] = await insertLearners(db.em(), 2);
    const scope = freshScope();
    await setStandings(db.em(), 'xp_weekly', scope, [{ userId: ranked ?? 0, score: 10, reachedAt: t0 }]);
    const view = await getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId: unranked ?? 0 });
    expect(view).toMatchObject({ me: null, neighbours: [] });
    expect(view.top.map((entry) => entry.userId)).toEqual([ranked]);
    expect(
      await getLeaderboard(db.em(), { board: 'xp_weekly', scope: freshScope(), userId: ranked ?? 0 }),
    ).toEqual({
      top: [],
      me: null,
      neighbours: [],
    });
  });

  it('agrees with the ranking rule on boards full of ties', async () => {
    const users = await insertLearners(db.em(), 40);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), {
          minLength: users.length,
          maxLength: users.length,
        }),
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.integer({ min: 0, max: 4 }),
        async (draws, who, around) => {
          const scope = freshScope();
          const standings = users.map((userId, i) => ({
            userId,
            score: (draws[i]?.[0] ?? 0) * 10,
            reachedAt: at(draws[i]?.[1] ?? 0),
          }));
          await setStandings(db.em(), 'xp_weekly', scope, standings);
          const expected = bruteForce(standings);
          const userId = users[who] ?? 0;
          const view = await getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId, top: 5, around });
          const myIndex = expected.findIndex((s) => s.userId === userId);
          expect(view.top.map((entry) => entry.userId)).toEqual(expected.slice(0, 5).map((s) => s.userId));
          expect(view.me?.rank).toBe(myIndex + 1);
          expect(view.neighbours.map((entry) => [entry.rank, entry.userId])).toEqual(
            expected
              .slice(Math.max(0, myIndex - around), myIndex + around + 1)
              .map((s) => [expected.indexOf(s) + 1, s.userId]),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses a scope that does not fit the board, and out-of-range sizes', async () => {
    const cases = [
      [{ board: 'xp_all_time', scope: '2026-W10' }, 'scope'],
      [{ board: 'xp_weekly', scope: 'all' }, 'scope'],
      [{ board: 'xp_weekly', scope: '2026-W54' }, 'scope'],
      [{ board: 'quiz_best', scope: 'ccna' }, 'scope'],
      [{ board: 'xp_all_time', scope: 'all', top: 0 }, 'top'],
      [{ board: 'xp_all_time', scope: 'all', top: 101 }, 'top'],
      [{ board: 'xp_all_time', scope: 'all', around: 11 }, 'around'],
    ] as const;
    for (const [query, path] of cases) {
      const error = await rejection(getLeaderboard(db.em(), { userId: 1, ...query }));
      expect(error).toMatchObject({
        code: 'LEADERBOARD_QUERY_INVALID',
        kind: 'BAD_INPUT',
        details: { path: [path] },
      });
    }
  });
});

describe('weekly boards', () => {
  it('close at Sunday 23:59:59 UTC and open at Monday 00:00 UTC, whatever the learner’s time zone', async () => {
    const [east, west] = await insertLearners(db.em(), 2);
    const sunday = new Date('2026-03-08T23:59:59Z');
    const monday = new Date('2026-03-09T00:00:00Z');
    expect([isoWeekOf(sunday), isoWeekOf(monday)]).toEqual(['2026-W10', '2026-W11']);
    await db.em().transactional(async (tx) => {
      // Already Monday in Kiritimati (UTC+14), still Sunday in Pago Pago (UTC−11): the board is UTC.
      await grantXp(tx, {
        userId: east ?? 0,
        amount: 30,
        source: 'lesson',
        idempotencyKey: 'east-sun',
        occurredAt: sunday,
        timeZone: 'Pacific/Kiritimati',
      });
      await grantXp(tx, {
        userId: east ?? 0,
        amount: 5,
        source: 'lesson',
        idempotencyKey: 'east-mon',
        occurredAt: monday,
        timeZone: 'Pacific/Kiritimati',
      });
      await grantXp(tx, {
        userId: west ?? 0,
        amount: 20,
        source: 'lesson',
        idempotencyKey: 'west-mon',
        occurredAt: monday,
        timeZone: 'Pacific/Pago_Pago',
      });
    });
    const week = async (scope: string, userId = east ?? 0) =>
      getLeaderboard(db.em(), { board: 'xp_weekly', scope, userId });
    const w10 = await week('2026-W10');
    const w11 = await week('2026-W11');
    expect(w10.top.map((entry) => [entry.userId, entry.score])).toEqual([[east, 30]]);
    expect(w11.top.map((entry) => [entry.userId, entry.score])).toEqual([
      [west, 20],
      [east, 5],
    ]);
    expect(w11.me).toEqual({ rank: 2, score: 5 });
    expect((await week('2026-W10', west ?? 0)).me).toBeNull();
    const allTime = await getLeaderboard(db.em(), { board: 'xp_all_time', scope: 'all', userId: east ?? 0 });
    expect(allTime.me?.score).toBe(35);
    await expectLedgerBalanced(db.em());
  });
});
