import { seedAdmin } from '@questline/domain/identity/server/seed-admin';
import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, CookieRecorder, signedUpLearner } from '../../testing/callers.ts';

const db = useTestDatabase();
const admin = {
  email: 'boss@example.test',
  username: 'boss',
  password: 'admin password 3',
  generateWhenMissing: false,
};
let adminToken = '';

beforeAll(async () => {
  await seedAdmin(db.em(), admin, new Date());
  const cookies = new CookieRecorder();
  await (await callerFor(db, null, cookies)).auth.signIn({ email: admin.email, password: admin.password });
  adminToken = cookies.token ?? '';
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
    const error = await anonymous.admin.users.list({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
