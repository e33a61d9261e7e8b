import { seedCatalog } from '@questline/domain/catalog/server/seed-catalog';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { insertLearners, setStandings } from '@questline/domain/game/server/testing/standings-factory';
import { isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { newIdempotencyKey } from '@questline/domain/learning/server/testing/lesson-fixtures';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { bankQuestions } from '@questline/domain/quiz/server/testing/quiz-factory';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStandingsMirror } from '../redis/standings-mirror.ts';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { playLessonThroughApi } from '../testing/lesson-play.ts';
import { submitThroughApi } from '../testing/quiz-play.ts';
import { connectTestRedis, dropTestRedis, findTestRedis } from '../testing/redis.ts';

const db = useTestDatabase();
const lookup = await findTestRedis();
if (!lookup.redis) console.warn(`[skip] leaderboards through a Redis mirror: ${lookup.reason}`);
let redis: Redis | undefined;
const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

beforeAll(async () => {
  await seedCatalog(db.em());
  await seedGameContent(db.em());
  await seedQuestionBank(db.em());
  if (lookup.redis) redis = await connectTestRedis(lookup.redis.url);
});
afterAll(async () => {
  if (redis) await dropTestRedis(redis);
  await lookup.redis?.stop();
});

/** A signed-up learner (acting at `now`) placed among `scores.length` others on one board. */
async function boardWithMe(
  board: 'xp_all_time' | 'xp_weekly' | 'quiz_best',
  scope: string,
  mine: number,
  scores = [800, 700, 600, 500, 450, 400, 300],
) {
  const others = await insertLearners(db.em(), scores.length);
  const me = await signedUpLearner(db);
  // Others reached their scores earlier, so the tie at 450 ranks them first.
  await setStandings(db.em(), board, scope, [
    ...others.map((userId, index) => ({ userId, score: Number(scores[index]), reachedAt: minutesAgo(60) })),
    { userId: me.account.id, score: mine, reachedAt: minutesAgo(1) },
  ]);
  const caller = await callerFor(db, me.token, { now: () => now });
  return { me, others, caller };
}

describe('game.leaderboard', () => {
  it("shows the all-time top N and the learner's own rank with neighbours; ties go to who came first", async () => {
    const { me, others, caller } = await boardWithMe('xp_all_time', 'all', 450);
    const page = await caller.game.leaderboard({ board: 'xp_all_time', top: 3, around: 1 });
    expect(page).toMatchObject({ board: 'xp_all_time', scope: 'all', me: { rank: 6, score: 450 } });
    expect(page.top.map((entry) => [entry.rank, entry.userId])).toEqual([
      [1, others[0]],
      [2, others[1]],
      [3, others[2]],
    ]);
    expect(page.neighbours.map((entry) => [entry.rank, entry.userId, entry.score])).toEqual([
      [5, others[4], 450],
      [6, me.account.id, 450],
      [7, others[5], 400],
    ]);
    expect(page.neighbours[1]?.username).toBe(me.input.username);
  });

  it('shows this UTC week by default, and a named week or exam when asked', async () => {
    const week = isoWeekOf(now);
    const { caller } = await boardWithMe('xp_weekly', week, 999);
    const thisWeek = await caller.game.leaderboard({ board: 'xp_weekly' });
    expect(thisWeek).toMatchObject({ scope: week, me: { rank: 1, score: 999 } });
    const lastYear = await caller.game.leaderboard({ board: 'xp_weekly', scope: '2020-W10' });
    expect(lastYear).toMatchObject({ scope: '2020-W10', top: [], me: null, neighbours: [] });

    const exam = await boardWithMe('quiz_best', 'network', 55, [100, 80, 60, 50, 40, 30, 20]);
    const network = await exam.caller.game.leaderboard({ board: 'quiz_best', scope: 'network' });
    expect(network).toMatchObject({ scope: 'network', me: { rank: 4, score: 55 } });
  });

  it('refuses a board without its scope or with a wrong one, with the field path', async () => {
    const { caller } = await signedUpLearner(db);
    const cases: [() => Promise<unknown>, string][] = [
      [() => caller.game.leaderboard({ board: 'quiz_best' }), 'scope'],
      [() => caller.game.leaderboard({ board: 'xp_weekly', scope: 'all' }), 'scope'],
      [() => caller.game.leaderboard({ board: 'xp_all_time', scope: '2026-W01' }), 'scope'],
      [() => caller.game.leaderboard({ board: 'xp_all_time', top: 0 }), 'top'],
      [() => caller.game.leaderboard({ board: 'xp_all_time', around: 11 }), 'around'],
    ];
    for (const [call, field] of cases) {
      const error = await trpcErrorOf(call());
      expect([error.code, fieldPathsOf(error)]).toEqual(['BAD_REQUEST', [[field]]]);
    }
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.game.leaderboard({ board: 'xp_all_time' }))).code).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe.runIf(lookup.redis)('game.leaderboard with a Redis mirror', () => {
  it('sees lessons and quizzes published to the mirror after they commit, and reads the same board', async () => {
    if (!redis) throw new Error('no test Redis');
    const ports = { standingsMirror: createRedisStandingsMirror(redis) };
    const learner = await signedUpLearner(db);
    const caller = await callerFor(db, learner.token, { ports });
    const sessionId = await playLessonThroughApi(db, caller, 'es-greetings-1');
    await caller.learning.complete({ sessionId, idempotencyKey: newIdempotencyKey() });
    await submitThroughApi(caller, await bankQuestions(db.em(), 'a1101', 5), 5, 'a1101');

    for (const [board, scope] of [
      ['xp_all_time', 'all'],
      ['quiz_best', 'a1101'],
    ] as const) {
      const mirrored = await ports.standingsMirror.rankOf(board, scope, learner.account.id);
      expect(mirrored.hit).toBe(true);
      const fromMirror = await caller.game.leaderboard({ board, scope });
      const fromTable = await learner.caller.game.leaderboard({ board, scope });
      expect(fromMirror).toEqual(fromTable);
      expect(fromMirror.me?.rank).toBe(mirrored.hit ? mirrored.value?.standing.rank : undefined);
    }
    // Proof the procedure reads the mirror: a board replaced there shows, the table is untouched.
    await ports.standingsMirror.replace('xp_all_time', 'all', [
      { userId: learner.account.id, score: 12_345, reachedAt: 0n },
    ]);
    expect((await caller.game.leaderboard({ board: 'xp_all_time' })).me).toEqual({ rank: 1, score: 12_345 });
    expect((await learner.caller.game.leaderboard({ board: 'xp_all_time' })).me?.score).not.toBe(12_345);
  });
});
