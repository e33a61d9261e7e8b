import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { grantXp } from '@questline/domain/game/server/grant-xp';
import { reverseXp } from '@questline/domain/game/server/reverse-xp';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import {
  answersWith,
  bankQuestions,
  newIdempotencyKey,
} from '@questline/domain/quiz/server/testing/quiz-factory';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStandingsMirror } from '../../redis/standings-mirror.ts';
import { expectAdminOnly } from '../../testing/admin.ts';
import { callerFor, signedInAdmin } from '../../testing/callers.ts';
import { connectTestRedis, dropTestRedis, findTestRedis } from '../../testing/redis.ts';

const db = useTestDatabase();
const lookup = await findTestRedis();
if (!lookup.redis) console.warn(`[skip] recompute with a Redis mirror: ${lookup.reason}`);
let adminToken = '';
let redis: Redis | undefined;

beforeAll(async () => {
  await seedQuestionBank(db.em());
  await seedGameContent(db.em());
  adminToken = (await signedInAdmin(db)).token;
  if (lookup.redis) redis = await connectTestRedis(lookup.redis.url);
});
afterAll(async () => {
  if (redis) await dropTestRedis(redis);
  await lookup.redis?.stop();
});

const monday = new Date('2026-03-02T10:00:00Z');
const later = (days: number) => new Date(monday.getTime() + days * 86_400_000);

/** A learner whose standings the write paths made, in time order: XP over two weeks, quizzes, a reversal. */
async function learnerWithHistory(): Promise<number> {
  const userId = (await createAccount(db.em(), uniqueSignUpInput(), monday)).id;
  const grant = (amount: number, occurredAt: Date) =>
    db.em().transactional((tx) =>
      grantXp(tx, {
        userId,
        amount,
        source: 'lesson',
        idempotencyKey: randomUUID(),
        occurredAt,
        timeZone: 'UTC',
      }),
    );
  const first = await grant(30, monday);
  const questions = await bankQuestions(db.em(), 'security', 10);
  for (const [correct, day] of [
    [6, 1],
    [8, 2],
    [8, 3],
  ] as const) {
    await submitQuiz(db.em(), {
      userId,
      examType: 'security',
      answers: answersWith(questions, correct),
      idempotencyKey: newIdempotencyKey(),
      now: later(day),
    });
  }
  await grant(20, later(8));
  await db
    .em()
    .transactional((tx) =>
      reverseXp(tx, { userId, eventId: first.eventId, idempotencyKey: randomUUID(), occurredAt: later(9) }),
    );
  return userId;
}

const standingsOf = (userId: number) =>
  db
    .em()
    .execute<{ board: string; scope: string; score: number; reached_at: string }[]>(
      `select board, scope, score, reached_at::text from leaderboard_standings where user_id = ? order by board, scope`,
      [userId],
    );

const recompute = async () => (await callerFor(db, adminToken)).admin.maintenance.recomputeStandings();

describe('admin.maintenance.recomputeStandings', () => {
  it('rebuilds hand-corrupted standings to exactly what the write paths maintained, audited', async () => {
    const userId = await learnerWithHistory();
    const maintained = await standingsOf(userId);
    expect(maintained.map((row) => `${row.board}/${row.scope}`)).toEqual([
      'quiz_best/security',
      'xp_all_time/all',
      `xp_weekly/${isoWeekOf(monday)}`,
      `xp_weekly/${isoWeekOf(later(8))}`,
    ]);
    expect(maintained[0]?.score).toBe(80);

    const corruptions: [string, unknown[]][] = [
      [
        `update leaderboard_standings set score = score + 999 where user_id = ? and board = 'xp_all_time'`,
        [],
      ],
      [
        `update leaderboard_standings set reached_at = reached_at + interval '1 hour'
          where user_id = ? and board = 'quiz_best'`,
        [],
      ],
      [
        `delete from leaderboard_standings where user_id = ? and board = 'xp_weekly' and scope = ?`,
        [isoWeekOf(later(8))],
      ],
      [
        `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
         values ('quiz_best', 'network', ?, 100, now())`,
        [],
      ],
    ];
    for (const [sql, params] of corruptions) await db.em().execute(sql, [userId, ...params]);
    const report = await recompute();
    expect(report).toMatchObject({ inserted: 1, updated: 2, deleted: 1, mirror: 'absent', mirrored: 0 });
    expect(await standingsOf(userId)).toEqual(maintained);

    const [audit] = await db
      .em()
      .execute<{ action: string; before: { standings: unknown[] }; after: Record<string, unknown> }[]>(
        `select action, before, after from system_audit_logs where action = 'standings.recompute' order by id desc limit 1`,
      );
    expect(audit?.after).toMatchObject({ inserted: 1, updated: 2, deleted: 1 });
    expect(audit?.before.standings).toContainEqual(
      expect.objectContaining({ board: 'quiz_best', scope: 'network', userId, score: 100 }),
    );
  });

  it('changes nothing and writes no audit row on a second run', async () => {
    await learnerWithHistory();
    await recompute();
    const auditRows = async () =>
      (await db.em().execute<{ n: number }[]>('select count(*)::int as n from system_audit_logs'))[0]?.n;
    const before = await auditRows();
    expect(await recompute()).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(await auditRows()).toBe(before);
  });

  it.skipIf(!lookup.redis)('rebuilds the Redis mirror of the current boards', async () => {
    const mirror = createRedisStandingsMirror(redis as Redis);
    const userId = await learnerWithHistory();
    const caller = await callerFor(db, adminToken, {
      ports: { standingsMirror: mirror },
      now: () => later(9),
    });
    const report = await caller.admin.maintenance.recomputeStandings();
    expect(report.mirror).toBe('rebuilt');
    expect(report.mirrored).toBeGreaterThan(0);
    const mirrored = await mirror.rankOf('quiz_best', 'security', userId);
    expect(mirrored.hit && mirrored.value?.standing.score).toBe(80);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    await expectAdminOnly(db, (caller) => caller.admin.maintenance.recomputeStandings());
  });
});
