import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { type DomainError } from '@questline/domain/shared/universal/domain-error';
import { describe, expect, it } from 'vitest';
import { callerFor, CookieRecorder, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();

/** A learner signed in on a second device (a phone), besides the sign-up's session. */
async function learnerOnTwoDevices() {
  const learner = await signedUpLearner(db, {}, { meta: { ip: '203.0.113.5', userAgent: 'Laptop browser' } });
  const phone = new CookieRecorder();
  await (
    await callerFor(db, null, { cookies: phone, meta: { ip: '198.51.100.7', userAgent: 'Phone browser' } })
  ).auth.signIn(learner.input);
  if (!phone.token) throw new Error('no phone session');
  return { ...learner, phoneToken: phone.token };
}

describe('auth.sessions', () => {
  it("lists the user's own sessions with device details, marking the current one, never a token", async () => {
    const { caller, token, phoneToken } = await learnerOnTwoDevices();
    await signedUpLearner(db); // someone else's session must not appear

    const sessions = await caller.auth.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions.map(({ userAgent, ip, current }) => ({ userAgent, ip, current }))).toEqual(
      expect.arrayContaining([
        { userAgent: 'Laptop browser', ip: '203.0.113.5', current: true },
        { userAgent: 'Phone browser', ip: '198.51.100.7', current: false },
      ]),
    );
    expect(Object.keys(sessions[0] ?? {}).sort()).toEqual(
      ['createdAt', 'current', 'id', 'ip', 'lastSeenAt', 'userAgent'].sort(),
    );
    const wire = JSON.stringify(sessions);
    expect(wire).not.toContain(token);
    expect(wire).not.toContain(phoneToken);
  });

  it('is refused without a session', async () => {
    expect((await trpcErrorOf((await callerFor(db)).auth.sessions())).code).toBe('UNAUTHORIZED');
  });
});

describe('auth.revokeSession', () => {
  it('signs the other device out, leaving this one', async () => {
    const { caller, token, phoneToken } = await learnerOnTwoDevices();
    const phone = (await caller.auth.sessions()).find((session) => !session.current);
    if (!phone) throw new Error('no phone session listed');
    const cookies = new CookieRecorder();
    cookies.token = token;

    expect(await (await callerFor(db, token, cookies)).auth.revokeSession({ sessionId: phone.id })).toEqual({
      revoked: 1,
    });
    expect(await (await callerFor(db, phoneToken)).auth.me()).toBeNull();
    expect(await (await callerFor(db, token)).auth.me()).not.toBeNull();
    expect(cookies.token).toBe(token);
  });

  it('revoking the current session signs out here and clears the cookie', async () => {
    const { token, caller } = await learnerOnTwoDevices();
    const current = (await caller.auth.sessions()).find((session) => session.current);
    const cookies = new CookieRecorder();
    cookies.token = token;
    await (await callerFor(db, token, cookies)).auth.revokeSession({ sessionId: current?.id ?? 0 });
    expect(cookies.token).toBeNull();
    expect(await (await callerFor(db, token)).auth.me()).toBeNull();
  });

  it("refuses another user's session as not found, and it stays signed in", async () => {
    const alice = await learnerOnTwoDevices();
    const bob = await signedUpLearner(db);
    const aliceSessions = await alice.caller.auth.sessions();

    for (const session of aliceSessions) {
      const error = await trpcErrorOf(bob.caller.auth.revokeSession({ sessionId: session.id }));
      expect(error.code).toBe('NOT_FOUND');
      expect((error.cause as DomainError).code).toBe('SESSION_NOT_FOUND');
    }
    expect(await alice.caller.auth.sessions()).toHaveLength(aliceSessions.length);
    expect(await (await callerFor(db, alice.phoneToken)).auth.me()).toMatchObject({ id: alice.account.id });
  });

  it.each([[0], [-1], [1.5], ['1']])('refuses the session id %j as bad input', async (sessionId) => {
    const { caller } = await signedUpLearner(db);
    const error = await trpcErrorOf(caller.auth.revokeSession({ sessionId } as { sessionId: number }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(await caller.auth.sessions()).toHaveLength(1);
  });

  it('answers an unknown id as not found', async () => {
    const { caller } = await signedUpLearner(db);
    expect((await trpcErrorOf(caller.auth.revokeSession({ sessionId: 2 ** 40 }))).code).toBe('NOT_FOUND');
  });
});

describe('auth.signOutEverywhere', () => {
  it('ends every session of the user, this one included, and clears the cookie', async () => {
    const { token, phoneToken } = await learnerOnTwoDevices();
    const bob = await signedUpLearner(db);
    const cookies = new CookieRecorder();
    cookies.token = token;

    expect(await (await callerFor(db, token, cookies)).auth.signOutEverywhere()).toEqual({ revoked: 2 });
    expect(cookies.token).toBeNull();
    for (const ended of [token, phoneToken]) expect(await (await callerFor(db, ended)).auth.me()).toBeNull();
    expect(await (await callerFor(db, bob.token)).auth.me()).not.toBeNull();
  });

  it('is refused without a session', async () => {
    expect((await trpcErrorOf((await callerFor(db)).auth.signOutEverywhere())).code).toBe('UNAUTHORIZED');
  });
});
