import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { describe, expect, it } from 'vitest';
import { callerFor, CookieRecorder, signedUpLearner, trpcErrorOf as trpcError } from '../testing/callers.ts';

const db = useTestDatabase();

describe('auth router', () => {
  it('signs up, answers me, and starts the learner at level 1 with 0 XP', async () => {
    const { input, caller } = await signedUpLearner(db);
    expect(await caller.auth.me()).toMatchObject({ username: input.username, role: 'learner' });
    expect(await caller.game.summary()).toMatchObject({
      level: 1,
      xp: 0,
      xpIntoLevel: 0,
      xpForNextLevel: 50,
    });
  });

  it('maps a taken username to CONFLICT with the domain code', async () => {
    const { input } = await signedUpLearner(db);
    const anonymous = await callerFor(db);
    const error = await trpcError(
      anonymous.auth.signUp({
        email: `other.${input.email}`,
        username: input.username,
        password: 'another password',
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('This username is taken');
  });

  it('validates input before anything is written', async () => {
    const anonymous = await callerFor(db);
    const error = await trpcError(
      anonymous.auth.signUp({ email: 'not-an-email', username: 'x', password: 'short' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('signs in, rotating the cookie, and signs out', async () => {
    const { input, token } = await signedUpLearner(db);
    const cookies = new CookieRecorder();
    await (await callerFor(db, token, cookies)).auth.signIn({ email: input.email, password: input.password });
    expect(cookies.token).not.toBeNull();
    expect(cookies.token).not.toBe(token);
    expect(await (await callerFor(db, token)).auth.me()).toBeNull();

    const signedIn = await callerFor(db, cookies.token, cookies);
    expect(await signedIn.auth.signOut()).toEqual({ signedOut: true });
    expect(cookies.token).toBeNull();
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { input } = await signedUpLearner(db);
    const anonymous = await callerFor(db);
    const wrong = await trpcError(anonymous.auth.signIn({ email: input.email, password: 'wrong password' }));
    const unknown = await trpcError(
      anonymous.auth.signIn({ email: `x${input.email}`, password: 'wrong password' }),
    );
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe('UNAUTHORIZED');
  });

  it('refuses protected procedures without a session', async () => {
    const anonymous = await callerFor(db);
    expect(await anonymous.auth.me()).toBeNull();
    expect((await trpcError(anonymous.game.summary())).code).toBe('UNAUTHORIZED');
  });
});
