import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, signedUpLearner, trpcErrorOf, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;
let adminId = 0;
let adminUsername = '';

beforeAll(async () => {
  await seedGameContent(db.em());
  const signedIn = await signedInAdmin(db);
  admin = signedIn.caller;
  adminId = signedIn.account.id;
  adminUsername = signedIn.input.username;
});

const badgeIdOf = async (code: string) =>
  (await admin.admin.badges.list()).find((badge) => badge.code === code)?.id ?? 0;

const grantAuditsOf = (userId: number) =>
  db.em().execute<{ action: string; ip: string | null; reason: string }[]>(
    `select action, ip, reason from system_audit_logs
        where entity_type = 'user_badge' and coalesce(after, before) ->> 'userId' = ? order by id`,
    [String(userId)],
  );

describe('admin.badges.grant and revoke', () => {
  it('grants a tag badge once and revokes it, each audited; the learner sees it in between', async () => {
    const learner = await signedUpLearner(db);
    const input = { userId: learner.account.id, badgeCode: 'early-adopter', reason: 'Beta tester' };
    const granted = await admin.admin.badges.grant(input);
    expect(granted).toMatchObject({
      changed: true,
      badge: { code: 'early-adopter', granted: true, isTagBadge: true },
    });
    expect(await admin.admin.badges.grant(input)).toMatchObject({ changed: false });
    expect((await admin.admin.users.get({ userId: learner.account.id })).badges.map((b) => b.code)).toEqual([
      'early-adopter',
    ]);
    expect(await admin.admin.badges.revoke({ ...input, reason: 'Mistake' })).toEqual({
      changed: true,
      badge: null,
    });
    expect(await admin.admin.badges.revoke({ ...input, reason: 'Mistake' })).toEqual({
      changed: false,
      badge: null,
    });
    expect((await grantAuditsOf(learner.account.id)).map((row) => [row.action, row.reason])).toEqual([
      ['badge.grant', 'Beta tester'],
      ['badge.revoke', 'Mistake'],
    ]);
  });

  it('refuses rule badges, unknown badges and learners, and a blank reason, writing nothing', async () => {
    const learner = await signedUpLearner(db);
    const userId = learner.account.id;
    const audits = await auditRowCount(db);
    const ruleBadge = await trpcErrorOf(
      admin.admin.badges.grant({ userId, badgeCode: 'STREAK_3', reason: 'x' }),
    );
    expect([ruleBadge.code, ruleBadge.cause]).toEqual([
      'PRECONDITION_FAILED',
      expect.objectContaining({ code: 'BADGE_NOT_GRANTABLE' }),
    ]);
    const unknownBadge = await trpcErrorOf(
      admin.admin.badges.grant({ userId, badgeCode: 'nope', reason: 'x' }),
    );
    expect(unknownBadge.code).toBe('NOT_FOUND');
    const unknownUser = await trpcErrorOf(
      admin.admin.badges.grant({ userId: 9_999_999, badgeCode: 'moderator', reason: 'x' }),
    );
    expect(unknownUser.code).toBe('NOT_FOUND');
    await expectBadInputAt(admin.admin.badges.grant({ userId, badgeCode: 'moderator', reason: ' ' }), [
      'reason',
    ]);
    await expectBadInputAt(admin.admin.badges.grant({ userId, badgeCode: 'mod\u0000', reason: 'x' }), [
      'badgeCode',
    ]);
    expect(await auditRowCount(db)).toBe(audits);
    expect((await admin.admin.users.get({ userId })).badges).toEqual([]);
  });

  it('grant and revoke are refused to a learner (even for themselves) and to an anonymous caller', async () => {
    const learner = await signedUpLearner(db);
    const input = { userId: learner.account.id, badgeCode: 'moderator', reason: 'I deserve it' };
    await expectAdminOnly(db, (caller) => caller.admin.badges.grant(input));
    expect((await trpcErrorOf(learner.caller.admin.badges.grant(input))).code).toBe('FORBIDDEN');
    await admin.admin.badges.grant({ ...input, reason: 'Earned' });
    await expectAdminOnly(db, (caller) => caller.admin.badges.revoke(input));
    expect((await admin.admin.users.get({ userId: learner.account.id })).badges.map((b) => b.code)).toEqual([
      'moderator',
    ]);
  });
});

describe('admin.badges.holders', () => {
  it('pages the holders newest first, with who granted each', async () => {
    const badgeId = await badgeIdOf('top-contributor');
    const names: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const learner = await signedUpLearner(db);
      await admin.admin.badges.grant({
        userId: learner.account.id,
        badgeCode: 'top-contributor',
        reason: 'Fixes',
      });
      names.unshift(learner.input.username);
    }
    const first = await admin.admin.badges.holders({ badgeId, limit: 2 });
    expect(first.items.map((holder) => holder.username)).toEqual(names.slice(0, 2));
    expect(first.items[0]?.grantedBy).toEqual({ id: adminId, username: adminUsername });
    const second = await admin.admin.badges.holders({
      badgeId,
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((holder) => holder.username)).toEqual(names.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('refuses an unknown badge, a bad cursor and a bad limit', async () => {
    const badgeId = await badgeIdOf('moderator');
    expect((await trpcErrorOf(admin.admin.badges.holders({ badgeId: 9_999_999 }))).code).toBe('NOT_FOUND');
    await expectBadInputAt(
      admin.admin.badges.holders({ badgeId, cursor: 'garbage' }),
      ['cursor'],
      'CURSOR_INVALID',
    );
    await expectBadInputAt(admin.admin.badges.holders({ badgeId, limit: 1000 }), ['limit']);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const badgeId = await badgeIdOf('moderator');
    await expectAdminOnly(db, (caller) => caller.admin.badges.holders({ badgeId }));
  });
});
