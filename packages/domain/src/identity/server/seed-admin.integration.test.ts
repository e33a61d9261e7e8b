import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { seedAdmin } from './seed-admin.ts';
import { signIn } from './sign-in.ts';
import { User } from './user.entity.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');

describe('seedAdmin', () => {
  it('creates the configured admin once, with the configured password', async () => {
    const config = {
      email: 'root@example.test',
      username: 'root',
      password: 'admin password 1',
      generateWhenMissing: false,
    };
    expect(await seedAdmin(db.em(), config, now)).toEqual({ status: 'created' });
    expect(await seedAdmin(db.em(), config, now)).toEqual({ status: 'exists' });

    const { account } = await signIn(db.em(), { email: config.email, password: config.password }, {}, now);
    expect(account).toMatchObject({ role: 'admin', isVerified: true });
  });

  it('generates a password only where allowed, and it works', async () => {
    const config = { email: 'dev-admin@example.test', username: 'dev_admin', generateWhenMissing: true };
    const result = await seedAdmin(db.em(), config, now);
    if (result.status !== 'created' || !result.generatedPassword)
      throw new Error('expected a generated password');
    await signIn(db.em(), { email: config.email, password: result.generatedPassword }, {}, now);
  });

  it('refuses a configured password the policy refuses, saying which setting is at fault', async () => {
    const config = {
      email: 'weak-admin@example.test',
      username: 'weak_admin',
      password: 'password1',
      generateWhenMissing: false,
    };
    await expect(seedAdmin(db.em(), config, now)).rejects.toThrow(/ADMIN_PASSWORD .*too common/);
    expect(await db.em().count(User, { email: config.email })).toBe(0);
  });

  it('refuses to invent a password in production', async () => {
    const config = { email: 'prod-admin@example.test', username: 'prod_admin', generateWhenMissing: false };
    await expect(seedAdmin(db.em(), config, now)).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await db.em().count(User, { email: config.email })).toBe(0);
  });
});
