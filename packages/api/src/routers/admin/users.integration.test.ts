import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedInAdmin, signedUpLearner, trpcErrorOf } from '../../testing/callers.ts';

const db = useTestDatabase();
let adminToken = '';
let admin = { username: '' };

beforeAll(async () => {
  const signedIn = await signedInAdmin(db);
  adminToken = signedIn.token;
  admin = signedIn.input;
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
  });

  it('is refused to a learner and to an anonymous caller', async () => {
    const learner = await signedUpLearner(db);
    await expect(learner.caller.admin.users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.admin.users.list({}))).code).toBe('UNAUTHORIZED');
  });
});
