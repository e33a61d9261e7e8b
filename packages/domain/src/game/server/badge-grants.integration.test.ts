import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { grantBadge, listUserBadges, revokeBadge } from './badge-grants.ts';
import { seedGameContent } from './seed-game-content.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
let adminId = 0;

beforeAll(async () => {
  await seedGameContent(db.em());
  adminId = (await createAccount(db.em(), uniqueSignUpInput(), now, { role: 'admin' })).id;
});

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;

interface AuditRow {
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string;
}

const auditRowsFor = (userId: number) =>
  db.em().execute<AuditRow[]>(
    `select actor_id, action, entity_type, entity_id, before, after, reason from system_audit_logs
        where coalesce(after, before) ->> 'userId' = ? order by id`,
    [String(userId)],
  );

const userBadgeRows = (userId: number) =>
  db
    .em()
    .execute<{ id: string; granted_by: string | null }[]>(
      'select id, granted_by from user_badges where user_id = ?',
      [userId],
    );

describe('grantBadge', () => {
  it('grants a tag badge with an audit row in the same transaction, and lists it flagged with 16px art', async () => {
    const userId = await newLearner();
    const result = await grantBadge(db.em(), {
      adminId,
      userId,
      badgeCode: 'early-adopter',
      reason: 'Beta tester',
      now,
    });
    expect(result).toMatchObject({
      changed: true,
      badge: {
        code: 'early-adopter',
        isTagBadge: true,
        iconUrl16: '/badges/early-adopter_16.png',
        granted: true,
      },
    });
    const [row] = await userBadgeRows(userId);
    expect(Number(row?.granted_by)).toBe(adminId);
    const audit = await auditRowsFor(userId);
    expect(audit).toEqual([
      {
        actor_id: String(adminId),
        action: 'badge.grant',
        entity_type: 'user_badge',
        entity_id: row?.id,
        before: null,
        after: { userId, badgeCode: 'early-adopter', unlockedAt: now.toISOString(), grantedBy: adminId },
        reason: 'Beta tester',
      },
    ]);
    expect(await listUserBadges(db.em(), userId)).toEqual([
      expect.objectContaining({ code: 'early-adopter', isTagBadge: true, unlockedAt: now }),
    ]);
  });

  it('10 concurrent grants unlock once and write one audit row', async () => {
    const userId = await newLearner();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        grantBadge(db.em(), { adminId, userId, badgeCode: 'moderator', reason: 'Keeps the peace', now }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.badge?.unlockedAt.getTime()))).toEqual(new Set([now.getTime()]));
    expect(await userBadgeRows(userId)).toHaveLength(1);
    expect((await auditRowsFor(userId)).map((a) => a.action)).toEqual(['badge.grant']);
    await expectLedgerBalanced(db.em());
  });

  it.each([
    ['a learner as actor', { badgeCode: 'moderator' }, 'ADMIN_REQUIRED', 'FORBIDDEN', true],
    ['an unknown badge', { badgeCode: 'no-such-badge' }, 'BADGE_NOT_FOUND', 'NOT_FOUND', false],
    ['a rule badge', { badgeCode: 'STREAK_3' }, 'BADGE_NOT_GRANTABLE', 'PRECONDITION_FAILED', false],
    ['a blank reason', { badgeCode: 'moderator', reason: '  ' }, 'BAD_INPUT', 'BAD_INPUT', false],
  ])('refuses %s and changes nothing', async (_name, overrides, code, kind, learnerActs) => {
    const userId = await newLearner();
    const actor = learnerActs ? await newLearner() : adminId;
    const error = await domainErrorOf(
      grantBadge(db.em(), { adminId: actor, userId, reason: 'why not', now, ...overrides }),
    );
    expect(error).toMatchObject({ code, kind });
    expect(await userBadgeRows(userId)).toEqual([]);
    expect(await auditRowsFor(userId)).toEqual([]);
  });

  it('refuses an unknown learner', async () => {
    const error = await domainErrorOf(
      grantBadge(db.em(), { adminId, userId: 9_999_999, badgeCode: 'moderator', reason: 'x', now }),
    );
    expect(error).toMatchObject({ code: 'USER_NOT_FOUND', details: { path: ['userId'] } });
  });
});

describe('revokeBadge', () => {
  it('revokes with an audit row holding the state before; revoking again changes nothing', async () => {
    const userId = await newLearner();
    await grantBadge(db.em(), {
      adminId,
      userId,
      badgeCode: 'top-contributor',
      reason: 'Fixed 40 questions',
      now,
    });
    const later = new Date(now.getTime() + 60_000);
    const input = { adminId, userId, badgeCode: 'top-contributor', reason: 'Granted by mistake', now: later };
    expect(await revokeBadge(db.em(), input)).toEqual({ changed: true, badge: null });
    expect(await revokeBadge(db.em(), input)).toEqual({ changed: false, badge: null });
    expect(await userBadgeRows(userId)).toEqual([]);
    const audit = await auditRowsFor(userId);
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ['badge.grant', 'Fixed 40 questions'],
      ['badge.revoke', 'Granted by mistake'],
    ]);
    expect(audit[1]).toMatchObject({
      before: { badgeCode: 'top-contributor', grantedBy: adminId },
      after: null,
    });
    // Granting again after a revoke is a new grant.
    expect(await grantBadge(db.em(), { ...input, reason: 'Earned it after all' })).toMatchObject({
      changed: true,
    });
  });
});

describe('listUserBadges', () => {
  it('lists rule badges and granted tag badges, flagging only tag badges', async () => {
    const userId = await newLearner();
    await db
      .em()
      .execute(
        `insert into user_badges (user_id, badge_id, unlocked_at) select ?, id, ? from badges where code = 'FIRST_SESSION'`,
        [userId, now],
      );
    await grantBadge(db.em(), {
      adminId,
      userId,
      badgeCode: 'early-adopter',
      reason: 'Beta',
      now: new Date(now.getTime() + 1000),
    });
    const badges = await listUserBadges(db.em(), userId);
    expect(badges.map((b) => [b.code, b.isTagBadge, b.granted, b.iconUrl16 !== null])).toEqual([
      ['FIRST_SESSION', false, false, false],
      ['early-adopter', true, true, true],
    ]);
  });
});
