import { recordAdminAction } from '@questline/domain/audit/server/record-admin-action';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, type Caller } from '../../testing/callers.ts';

const db = useTestDatabase();
let admin: Caller;
const t0 = new Date('2026-03-01T12:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  admin = (await signedInAdmin(db)).caller;
});

/** A fresh entity type per test keeps each test's rows apart from every other's. */
const freshType = () => `thing_${randomBytes(4).toString('hex')}`;

async function newActor() {
  const user = await createAccount(db.em(), uniqueSignUpInput(), t0, { role: 'admin' });
  return { id: user.id, username: user.username };
}

async function record(
  actorId: number,
  entityType: string,
  entityId: number,
  when: Date,
  change: { action?: string; before?: object | null; after?: object | null } = {},
) {
  await recordAdminAction(
    db.em(),
    { adminId: actorId, now: when, ip: '203.0.113.9' },
    {
      action: change.action ?? `${entityType}.update`,
      entityType,
      entityId,
      before: change.before ?? null,
      after: change.after ?? null,
      reason: 'because',
    },
  );
}

describe('admin.audit.list', () => {
  it('lists newest first with the actor, both states and a field-level diff', async () => {
    const actor = await newActor();
    const type = freshType();
    await record(actor.id, type, 1, at(0), {
      action: `${type}.create`,
      after: { name: 'Owl', rarity: 'rare' },
    });
    await record(actor.id, type, 1, at(1), {
      before: { name: 'Owl', rarity: 'rare', criteria: { value: 3 } },
      after: { name: 'Wise owl', rarity: 'rare', criteria: { value: 5 } },
    });
    const page = await admin.admin.audit.list({ entityType: type });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((entry) => entry.action)).toEqual([`${type}.update`, `${type}.create`]);
    expect(page.items[0]).toMatchObject({
      occurredAt: at(1),
      actor: actor,
      entityType: type,
      entityId: '1',
      before: { name: 'Owl' },
      after: { name: 'Wise owl' },
      reason: 'because',
      ip: '203.0.113.9',
      changes: [
        { path: ['name'], kind: 'changed', before: 'Owl', after: 'Wise owl' },
        { path: ['criteria', 'value'], kind: 'changed', before: 3, after: 5 },
      ],
    });
    expect(page.items[1]?.changes.map((change) => [change.path, change.kind])).toEqual([
      [['name'], 'added'],
      [['rarity'], 'added'],
    ]);
  });

  it('filters by actor, action, entity and time range', async () => {
    const [alice, bob] = [await newActor(), await newActor()];
    const type = freshType();
    await record(alice.id, type, 1, at(0), { action: `${type}.create` });
    await record(bob.id, type, 2, at(5));
    await record(alice.id, type, 2, at(10));
    const ids = async (filters: Parameters<Caller['admin']['audit']['list']>[0]) =>
      (await admin.admin.audit.list({ entityType: type, ...filters })).items.map((e) => [
        e.actor?.username,
        e.entityId,
      ]);
    expect(await ids({ actorId: alice.id })).toEqual([
      [alice.username, '2'],
      [alice.username, '1'],
    ]);
    expect(await ids({ action: `${type}.create` })).toEqual([[alice.username, '1']]);
    expect(await ids({ entityId: 2 })).toEqual([
      [alice.username, '2'],
      [bob.username, '2'],
    ]);
    expect(await ids({ from: at(5), to: at(10) })).toEqual([[bob.username, '2']]);
  });

  it('pages with a keyset cursor, never repeating or skipping rows logged at the same instant', async () => {
    const actor = await newActor();
    const type = freshType();
    for (let id = 1; id <= 5; id += 1) await record(actor.id, type, id, id <= 3 ? at(0) : at(id));
    const seen: (string | null)[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.admin.audit.list({ entityType: type, limit: 2, cursor });
      seen.push(...page.items.map((entry) => entry.entityId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
  });

  it('keeps the trail when the admin account is deleted', async () => {
    const actor = await newActor();
    const type = freshType();
    await record(actor.id, type, 1, at(0));
    await db.em().execute('delete from users where id = ?', [actor.id]);
    const [entry] = (await admin.admin.audit.list({ entityType: type })).items;
    expect(entry).toMatchObject({ actor: null, entityId: '1' });
  });

  it('refuses bad filters and cursors with a typed error', async () => {
    await expectBadInputAt(admin.admin.audit.list({ entityId: 3 }), ['entityType']);
    await expectBadInputAt(admin.admin.audit.list({ from: at(1), to: at(0) }), ['to']);
    await expectBadInputAt(admin.admin.audit.list({ limit: 0 }), ['limit']);
    // PostgreSQL text cannot hold U+0000: refused up front rather than failing in the database.
    await expectBadInputAt(admin.admin.audit.list({ action: 'badge\u0000.grant' }), ['action']);
    await expectBadInputAt(admin.admin.audit.list({ cursor: 'not-a-cursor' }), ['cursor'], 'CURSOR_INVALID');
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    await expectAdminOnly(db, (caller) => caller.admin.audit.list({}));
  });
});
