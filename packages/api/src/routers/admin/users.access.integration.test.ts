import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import {
  callerFor,
  signedInAdmin,
  signedUpLearner,
  trpcErrorOf,
  type Caller,
} from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;
let adminId = 0;

beforeAll(async () => {
  const signedIn = await signedInAdmin(db);
  admin = signedIn.caller;
  adminId = signedIn.account.id;
});

const sessionCount = async (userId: number) =>
  (
    await db
      .em()
      .execute<{ n: number }[]>('select count(*)::int as n from sessions where user_id = ?', [userId])
  )[0]?.n;

describe('admin.users.setRole', () => {
  it('promotes a learner, audited; the new admin can use the console at once', async () => {
    const learner = await signedUpLearner(db);
    const userId = learner.account.id;
    const result = await admin.admin.users.setRole({ userId, role: 'admin', reason: 'New moderator' });
    expect(result).toMatchObject({ changed: true, user: { id: userId, role: 'admin' }, sessionsEnded: 0 });
    expect(await auditRowsOf(db, 'user', userId)).toEqual([
      {
        actor_id: String(adminId),
        action: 'user.set_role',
        entity_type: 'user',
        entity_id: String(userId),
        before: { role: 'learner', isActive: true, activeSessions: 1 },
        after: { role: 'admin', isActive: true, activeSessions: 1 },
        reason: 'New moderator',
      },
    ]);
    const promoted = await callerFor(db, learner.token);
    expect((await promoted.admin.users.list({ limit: 1 })).items).toHaveLength(1);
  });

  it('changes nothing and audits nothing when the user already has the role', async () => {
    const { account } = await signedUpLearner(db);
    const result = await admin.admin.users.setRole({ userId: account.id, role: 'learner', reason: 'No-op' });
    expect(result).toMatchObject({ changed: false, user: { role: 'learner' } });
    expect(await auditRowsOf(db, 'user', account.id)).toEqual([]);
  });

  it('refuses bad input and unknown users with typed errors, writing nothing', async () => {
    const { account } = await signedUpLearner(db);
    const audits = await auditRowCount(db);
    await expectBadInputAt(
      admin.admin.users.setRole({ userId: account.id, role: 'owner' as 'admin', reason: 'x' }),
      ['role'],
    );
    await expectBadInputAt(admin.admin.users.setRole({ userId: account.id, role: 'admin', reason: '' }), [
      'reason',
    ]);
    await expectBadInputAt(
      admin.admin.users.setRole({ userId: account.id, role: 'admin', reason: 'why\u0000' }),
      ['reason'],
    );
    const unknown = await trpcErrorOf(
      admin.admin.users.setRole({ userId: 9_999_999, role: 'admin', reason: 'x' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await auditRowCount(db)).toBe(audits);
    expect((await admin.admin.users.get({ userId: account.id })).account.role).toBe('learner');
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const { account } = await signedUpLearner(db);
    await expectAdminOnly(db, (caller) =>
      caller.admin.users.setRole({ userId: account.id, role: 'admin', reason: 'Self-service' }),
    );
    expect((await admin.admin.users.get({ userId: account.id })).account.role).toBe('learner');
  });
});

describe('admin.users.setActive', () => {
  it('deactivation ends every session at once; reactivation lets the user sign in again', async () => {
    const learner = await signedUpLearner(db);
    const userId = learner.account.id;
    await (await callerFor(db)).auth.signIn({ email: learner.input.email, password: learner.input.password });
    expect(await sessionCount(userId)).toBe(2);
    const result = await admin.admin.users.setActive({ userId, active: false, reason: 'Spam' });
    expect(result).toMatchObject({ changed: true, user: { isActive: false }, sessionsEnded: 2 });
    expect(await sessionCount(userId)).toBe(0);
    // A request after the deactivation (each request resolves its session anew).
    expect((await trpcErrorOf((await callerFor(db, learner.token)).game.summary())).code).toBe(
      'UNAUTHORIZED',
    );
    const signIn = { email: learner.input.email, password: learner.input.password };
    expect((await trpcErrorOf((await callerFor(db)).auth.signIn(signIn))).code).toBe('FORBIDDEN');

    await admin.admin.users.setActive({ userId, active: true, reason: 'Appeal accepted' });
    await (await callerFor(db)).auth.signIn(signIn);
    const audit = await auditRowsOf(db, 'user', userId);
    expect(audit.map((row) => [row.action, row.before, row.after, row.reason])).toEqual([
      [
        'user.set_active',
        { role: 'learner', isActive: true, activeSessions: 2 },
        { role: 'learner', isActive: false, activeSessions: 0 },
        'Spam',
      ],
      [
        'user.set_active',
        { role: 'learner', isActive: false, activeSessions: 0 },
        { role: 'learner', isActive: true, activeSessions: 0 },
        'Appeal accepted',
      ],
    ]);
  });

  it('refuses bad input and unknown users, writing nothing', async () => {
    const learner = await signedUpLearner(db);
    const audits = await auditRowCount(db);
    await expectBadInputAt(
      admin.admin.users.setActive({
        userId: learner.account.id,
        active: 'no' as unknown as boolean,
        reason: 'x',
      }),
      ['active'],
    );
    const unknown = await trpcErrorOf(
      admin.admin.users.setActive({ userId: 9_999_999, active: false, reason: 'x' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await auditRowCount(db)).toBe(audits);
    expect(await sessionCount(learner.account.id)).toBe(1);
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const victim = await signedUpLearner(db);
    await expectAdminOnly(db, (caller) =>
      caller.admin.users.setActive({ userId: victim.account.id, active: false, reason: 'Grudge' }),
    );
    expect(await sessionCount(victim.account.id)).toBe(1);
  });
});

describe('the last active admin', () => {
  let parked: number[] = [];

  // Leaves exactly the given admins active; afterEach puts the others back.
  async function onlyActiveAdmins(ids: number[]) {
    const rows = await db
      .em()
      .execute<{ id: string }[]>(
        `update users set is_active = false where role = 'admin' and is_active and id not in (?) returning id`,
        [ids],
      );
    parked = rows.map((row) => Number(row.id));
  }
  afterEach(async () => {
    if (parked.length) await db.em().execute('update users set is_active = true where id in (?)', [parked]);
  });

  it('cannot demote or deactivate themselves; with a second admin they can', async () => {
    const me = await signedInAdmin(db);
    await onlyActiveAdmins([me.account.id]);
    const audits = await auditRowCount(db);
    for (const change of [
      me.caller.admin.users.setRole({ userId: me.account.id, role: 'learner', reason: 'Stepping down' }),
      me.caller.admin.users.setActive({ userId: me.account.id, active: false, reason: 'Leaving' }),
    ]) {
      const error = await trpcErrorOf(change);
      expect([error.code, (error.cause as { code?: string }).code]).toEqual([
        'PRECONDITION_FAILED',
        'LAST_ACTIVE_ADMIN',
      ]);
    }
    expect(await auditRowCount(db)).toBe(audits);
    expect((await me.caller.admin.users.get({ userId: me.account.id })).account).toMatchObject({
      role: 'admin',
      isActive: true,
    });

    const successor = await signedUpLearner(db);
    await me.caller.admin.users.setRole({ userId: successor.account.id, role: 'admin', reason: 'Successor' });
    const stepDown = { userId: me.account.id, role: 'learner' as const, reason: 'Stepping down' };
    expect(await me.caller.admin.users.setRole(stepDown)).toMatchObject({ changed: true });
  });

  it('two admins demoting each other at once: exactly one succeeds', async () => {
    const [alice, bob] = [await signedInAdmin(db), await signedInAdmin(db)];
    await onlyActiveAdmins([alice.account.id, bob.account.id]);
    const outcomes = await Promise.allSettled([
      alice.caller.admin.users.setRole({ userId: bob.account.id, role: 'learner', reason: 'Coup' }),
      bob.caller.admin.users.setRole({ userId: alice.account.id, role: 'learner', reason: 'Counter-coup' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const [row] = await db
      .em()
      .execute<{ n: number }[]>(`select count(*)::int as n from users where role = 'admin' and is_active`);
    expect(row?.n).toBe(1);
  });
});
