import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { grantBadge } from '@questline/domain/game/server/badge-grants';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import {
  callerFor,
  signedInAdmin,
  signedUpLearner,
  trpcErrorOf,
  type Caller,
} from '../../testing/callers.ts';

const db = useTestDatabase();
let adminToken = '';
let admin = { username: '' };
let adminId = 0;
let adminCaller: Caller;
const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  await seedGameContent(db.em());
  const signedIn = await signedInAdmin(db);
  adminToken = signedIn.token;
  admin = signedIn.input;
  adminId = signedIn.account.id;
  adminCaller = await callerFor(db, adminToken, { now: () => now });
});

describe('admin.users.list', () => {
  it('lists users newest first, with level and XP', async () => {
    const learner = await signedUpLearner(db);
    const page = await (await callerFor(db, adminToken)).admin.users.list({});
    expect(page.items[0]).toMatchObject({
      username: learner.input.username,
      role: 'learner',
      level: 1,
      xp: 0,
    });
    expect(page.items.map((user) => user.username)).toContain(admin.username);
  });

  it('searches by username or email and pages with a cursor', async () => {
    const tag = `pg${Date.now().toString(36)}`;
    for (let i = 0; i < 3; i += 1) await signedUpLearner(db, { username: `${tag}_${i}` });
    const caller = await callerFor(db, adminToken);
    const first = await caller.admin.users.list({ search: tag, limit: 2 });
    expect(first.items.map((user) => user.username)).toEqual([`${tag}_2`, `${tag}_1`]);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.admin.users.list({
      search: tag,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((user) => user.username)).toEqual([`${tag}_0`]);
    expect(second.nextCursor).toBeNull();
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const page = await (await callerFor(db, adminToken)).admin.users.list({ search: '%' });
    expect(page.items).toEqual([]);
    await expectBadInputAt((await callerFor(db, adminToken)).admin.users.list({ search: 'a\u0000' }), [
      'search',
    ]);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const learner = await signedUpLearner(db);
    await expect(learner.caller.admin.users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.admin.users.list({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('admin.users.get', () => {
  it('shows the account, progress, hearts as of now, active sessions and badges', async () => {
    const learner = await signedUpLearner(db);
    const userId = learner.account.id;
    await db
      .em()
      .execute(
        `update user_profiles set xp = 60, level = 2, hearts = 3, hearts_regen_from = ? where user_id = ?`,
        [new Date(now.getTime() - 5 * 60 * 60 * 1000), userId],
      );
    await grantBadge(db.em(), { adminId, userId, badgeCode: 'moderator', reason: 'Helps', now });
    const detail = await adminCaller.admin.users.get({ userId });
    expect(detail).toMatchObject({
      account: {
        id: userId,
        username: learner.input.username,
        role: 'learner',
        isActive: true,
        timezone: 'UTC',
      },
      progress: { xp: 60, level: 2, studyStreakCurrent: 0, achievementsEarned: 0 },
      // 5 hours since the count fell: one heart has come back.
      hearts: { hearts: 4, max: 5 },
      sessions: { active: 1 },
      badges: [expect.objectContaining({ code: 'moderator', granted: true, isTagBadge: true })],
    });
  });

  it('answers NOT_FOUND for an unknown user and BAD_REQUEST for a malformed id', async () => {
    expect((await trpcErrorOf(adminCaller.admin.users.get({ userId: 9_999_999 }))).code).toBe('NOT_FOUND');
    await expectBadInputAt(adminCaller.admin.users.get({ userId: 0 }), ['userId']);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const { account } = await signedUpLearner(db);
    await expectAdminOnly(db, (caller) => caller.admin.users.get({ userId: account.id }));
  });
});

const heartsOf = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ hearts: number }[]>('select hearts from user_profiles where user_id = ?', [userId])
  )[0]?.hearts;

describe('admin.users.refillHearts', () => {
  it('fills the hearts to max, logged and audited with the state before and after', async () => {
    const { account } = await signedUpLearner(db);
    await db
      .em()
      .execute('update user_profiles set hearts = 1, hearts_regen_from = ? where user_id = ?', [
        now,
        account.id,
      ]);
    const hearts = await adminCaller.admin.users.refillHearts({
      userId: account.id,
      reason: 'Support ticket 42',
    });
    expect(hearts).toMatchObject({ hearts: 5, max: 5, nextHeartAt: null });
    expect(await heartsOf(account.id)).toBe(5);
    expect(await auditRowsOf(db, 'user_profile', account.id)).toEqual([
      expect.objectContaining({
        actor_id: String(adminId),
        action: 'hearts.refill',
        before: expect.objectContaining({ hearts: 1 }),
        after: { hearts: 5, regenFrom: null },
        reason: 'Support ticket 42',
      }),
    ]);
  });

  it('refuses a blank reason and an unknown user, changing nothing', async () => {
    const { account } = await signedUpLearner(db);
    await db
      .em()
      .execute('update user_profiles set hearts = 2, hearts_regen_from = ? where user_id = ?', [
        now,
        account.id,
      ]);
    const audits = await auditRowCount(db);
    await expectBadInputAt(adminCaller.admin.users.refillHearts({ userId: account.id, reason: ' ' }), [
      'reason',
    ]);
    const unknown = await trpcErrorOf(
      adminCaller.admin.users.refillHearts({ userId: 9_999_999, reason: 'x' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await heartsOf(account.id)).toBe(2);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const { account } = await signedUpLearner(db);
    await expectAdminOnly(db, (caller) =>
      caller.admin.users.refillHearts({ userId: account.id, reason: 'x' }),
    );
    expect(await auditRowsOf(db, 'user_profile', account.id)).toEqual([]);
  });
});
