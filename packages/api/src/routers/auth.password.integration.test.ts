import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { User } from '@questline/domain/identity/server/user.entity';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { describe, expect, it } from 'vitest';
import { callerFor, CookieRecorder, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();

const domainCodeOf = (error: { cause?: unknown }) =>
  error.cause instanceof DomainError ? error.cause.code : undefined;

describe('auth.signUp password policy', () => {
  const base = uniqueSignUpInput();
  it.each([
    ['7 chars', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'PASSWORD_TOO_LONG'],
    ['Sunshine', 'PASSWORD_TOO_COMMON'],
    ['QWERTYUIOP', 'PASSWORD_TOO_COMMON'],
    [`my ${base.email.split('@')[0]} pass`, 'PASSWORD_CONTAINS_EMAIL'],
    [`secret ${base.username.toUpperCase()}!`, 'PASSWORD_CONTAINS_USERNAME'],
  ])('refuses %j with %s at the password field, creating nothing', async (password, code) => {
    const input = uniqueSignUpInput({ password });
    // The identity checks need the identity the password was built from.
    const identity = code.startsWith('PASSWORD_CONTAINS')
      ? { email: base.email, username: base.username }
      : {};
    const error = await trpcErrorOf((await callerFor(db)).auth.signUp({ ...input, ...identity }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(domainCodeOf(error)).toBe(code);
    expect((error.cause as DomainError).details.path).toEqual(['password']);
    expect(await db.em().count(User, { email: [input.email, base.email] })).toBe(0);
  });

  it('refuses absurdly long input before any hashing, as a validation error', async () => {
    const error = await trpcErrorOf(
      (await callerFor(db)).auth.signUp(uniqueSignUpInput({ password: 'x'.repeat(2000) })),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('auth.changePassword', () => {
  it('needs the current password, sets the new one and ends every other session', async () => {
    const { input, token, caller } = await signedUpLearner(db);
    const otherDevice = new CookieRecorder();
    await (await callerFor(db, null, otherDevice)).auth.signIn(input);

    const newPassword = 'a brand new passphrase';
    expect(await caller.auth.changePassword({ currentPassword: input.password, newPassword })).toEqual({
      changed: true,
      revokedSessions: 1,
    });
    expect(await (await callerFor(db, otherDevice.token)).auth.me()).toBeNull();
    expect(await (await callerFor(db, token)).auth.me()).not.toBeNull();

    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.auth.signIn(input))).code).toBe('UNAUTHORIZED');
    expect(await anonymous.auth.signIn({ email: input.email, password: newPassword })).toMatchObject({
      username: input.username,
    });
  });

  it('refuses a wrong current password, changing nothing', async () => {
    const { input, caller, account } = await signedUpLearner(db);
    const hashBefore = (await db.em().findOneOrFail(User, { id: account.id })).passwordHash;
    const error = await trpcErrorOf(
      caller.auth.changePassword({
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(domainCodeOf(error)).toBe('WRONG_PASSWORD');
    expect((error.cause as DomainError).details.path).toEqual(['currentPassword']);
    expect((await db.em().findOneOrFail(User, { id: account.id })).passwordHash).toBe(hashBefore);
    await (await callerFor(db)).auth.signIn(input);
  });

  it('holds the new password to the policy, at the newPassword field', async () => {
    const { input, caller } = await signedUpLearner(db);
    const error = await trpcErrorOf(
      caller.auth.changePassword({ currentPassword: input.password, newPassword: `${input.username}123` }),
    );
    expect(domainCodeOf(error)).toBe('PASSWORD_CONTAINS_USERNAME');
    expect((error.cause as DomainError).details.path).toEqual(['newPassword']);
    await (await callerFor(db)).auth.signIn(input);
  });

  it('counts wrong current passwords against the email, like failed sign-ins', async () => {
    const { input, caller } = await signedUpLearner(
      db,
      {},
      { auth: { signInFailures: { limit: 2, windowMs: 60_000 } } },
    );
    for (let i = 0; i < 2; i += 1) {
      await trpcErrorOf(
        caller.auth.changePassword({ currentPassword: 'guess', newPassword: 'a brand new passphrase' }),
      );
    }
    const locked = await trpcErrorOf(
      caller.auth.changePassword({ currentPassword: input.password, newPassword: 'a brand new passphrase' }),
    );
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(domainCodeOf(locked)).toBe('SIGN_IN_LOCKED');
  });

  it('is refused without a session', async () => {
    const error = await trpcErrorOf(
      (await callerFor(db)).auth.changePassword({
        currentPassword: 'whatever1',
        newPassword: 'whatever else',
      }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
  });
});
