import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { clearSignInFailures, countSignInAttempt, signInFailureKey } from './sign-in-failures.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const window = { limit: 5, windowMs: 60 * 60 * 1000 };
let counter = 0;
const freshEmail = () => `Someone.${(counter += 1)}@Example.test`;

const attempt = (email: string, at = now) =>
  countSignInAttempt(db.em(), email, at, window).then(
    () => 'counted' as const,
    (error: { code?: string }) => error.code,
  );

async function failuresOf(email: string): Promise<number | undefined> {
  const [row] = await db
    .em()
    .execute<{ failures: number }[]>('select failures from sign_in_failures where email_key = ?', [
      signInFailureKey(email),
    ]);
  return row?.failures;
}

describe('countSignInAttempt', () => {
  it('lets exactly `limit` of 20 concurrent attempts through for one email', async () => {
    const email = freshEmail();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(email)));
    expect(outcomes.filter((outcome) => outcome === 'counted')).toHaveLength(window.limit);
    expect(outcomes.filter((outcome) => outcome === 'SIGN_IN_LOCKED')).toHaveLength(20 - window.limit);
  });

  it('counts every casing and surrounding space of an email as one', async () => {
    const email = freshEmail();
    await attempt(email);
    await attempt(` ${email.toUpperCase()} `);
    expect(await failuresOf(email.toLowerCase())).toBe(2);
  });

  it('starts a new window once the old one ended, and forgets on success', async () => {
    const email = freshEmail();
    for (let i = 0; i < window.limit; i += 1) await attempt(email);
    expect(await attempt(email, later(window.windowMs - 1))).toBe('SIGN_IN_LOCKED');
    expect(await attempt(email, later(window.windowMs))).toBe('counted');
    expect(await failuresOf(email)).toBe(1);
    await clearSignInFailures(db.em(), email);
    expect(await failuresOf(email)).toBeUndefined();
  });

  it("drops other emails' ended windows as it goes", async () => {
    const stale = freshEmail();
    const live = freshEmail();
    await attempt(stale);
    await attempt(live, later(30 * 60 * 1000));
    await attempt(freshEmail(), later(window.windowMs + 1));
    expect(await failuresOf(stale)).toBeUndefined();
    expect(await failuresOf(live)).toBe(1);
  });
});
