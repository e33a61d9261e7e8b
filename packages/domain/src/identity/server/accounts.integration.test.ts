import { describe, expect, it } from 'vitest';
import { UserProfile } from '../../game/server/user-profile.entity.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { hashSessionToken } from './session-token.ts';
import { Session } from './session.entity.ts';
import { resolveSession, revokeSession, SESSION_TTL_MS } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { signUp } from './sign-up.ts';
import { uniqueSignUpInput } from './testing/account-factory.ts';
import { User } from './user.entity.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const meta = { userAgent: 'vitest', ip: '127.0.0.1' };

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe('signUp', () => {
  it('creates the learner, a level-1 profile and a session', async () => {
    const input = uniqueSignUpInput();
    const { account, session } = await signUp(db.em(), input, meta, now);

    expect(account).toMatchObject({
      email: input.email,
      username: input.username,
      role: 'learner',
      isVerified: false,
    });
    const profile = await db.em().findOneOrFail(UserProfile, { user: account.id });
    expect(profile).toMatchObject({ xp: 0, level: 1 });
    const stored = await db.em().findOneOrFail(Session, { tokenHash: hashSessionToken(session.token) });
    expect(stored.expiresAt.getTime()).toBe(now.getTime() + SESSION_TTL_MS);
  });

  it('stores an argon2id hash with m=19456, t=2, p=1 and never the password', async () => {
    const input = uniqueSignUpInput();
    const { account } = await signUp(db.em(), input, meta, now);
    const user = await db.em().findOneOrFail(User, { id: account.id });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(input.password);
  });

  it('refuses an email that differs only in case, and changes nothing', async () => {
    const first = uniqueSignUpInput();
    await signUp(db.em(), first, meta, now);
    const usersBefore = await db.em().count(User);

    const error = await expectDomainError(
      signUp(db.em(), uniqueSignUpInput({ email: first.email.toUpperCase() }), meta, now),
      'EMAIL_TAKEN',
    );
    expect(error.details.path).toEqual(['email']);
    expect(await db.em().count(User)).toBe(usersBefore);
    expect(await db.em().count(UserProfile)).toBe(usersBefore);
  });

  it('refuses a username that differs only in case', async () => {
    const first = uniqueSignUpInput();
    await signUp(db.em(), first, meta, now);
    await expectDomainError(
      signUp(db.em(), uniqueSignUpInput({ username: first.username.toUpperCase() }), meta, now),
      'USERNAME_TAKEN',
    );
  });

  it('lets PostgreSQL refuse a malformed username even past the service', async () => {
    const em = db.em();
    em.create(User, { email: `x${Date.now()}@example.test`, username: 'no spaces allowed' });
    await expect(em.flush()).rejects.toThrow(/users_username_format/);
  });
});

describe('signIn', () => {
  it('signs in with any casing of the email and issues a new session', async () => {
    const input = uniqueSignUpInput();
    await signUp(db.em(), input, meta, now);
    const { account, session } = await signIn(
      db.em(),
      { email: input.email.toUpperCase(), password: input.password },
      meta,
      now,
    );
    expect(account.username).toBe(input.username);
    expect(await resolveSession(db.em(), session.token, now)).toMatchObject({
      id: account.id,
      role: 'learner',
    });
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const input = uniqueSignUpInput();
    await signUp(db.em(), input, meta, now);
    const wrongPassword = await expectDomainError(
      signIn(db.em(), { email: input.email, password: 'not the password' }, meta, now),
      'INVALID_CREDENTIALS',
    );
    const unknownEmail = await expectDomainError(
      signIn(db.em(), { email: `nobody.${input.email}`, password: input.password }, meta, now),
      'INVALID_CREDENTIALS',
    );
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(unknownEmail.kind).toBe(wrongPassword.kind);
  });

  it('rotates the session: the previous token stops working', async () => {
    const input = uniqueSignUpInput();
    const first = await signUp(db.em(), input, meta, now);
    const second = await signIn(db.em(), input, meta, now, { previousToken: first.session.token });
    expect(await resolveSession(db.em(), first.session.token, now)).toBeNull();
    expect(await resolveSession(db.em(), second.session.token, now)).not.toBeNull();
  });

  it('refuses a deactivated account', async () => {
    const input = uniqueSignUpInput();
    const { account } = await signUp(db.em(), input, meta, now);
    await db.em().nativeUpdate(User, { id: account.id }, { isActive: false });
    await expectDomainError(signIn(db.em(), input, meta, now), 'ACCOUNT_DISABLED');
  });
});

describe('sessions', () => {
  it('expire after their lifetime', async () => {
    const { session } = await signUp(db.em(), uniqueSignUpInput(), meta, now);
    const justBefore = new Date(session.expiresAt.getTime() - 1);
    expect(await resolveSession(db.em(), session.token, justBefore)).not.toBeNull();
    expect(await resolveSession(db.em(), session.token, session.expiresAt)).toBeNull();
  });

  it('end when revoked, and revoking twice is harmless', async () => {
    const { session } = await signUp(db.em(), uniqueSignUpInput(), meta, now);
    await revokeSession(db.em(), session.token);
    await revokeSession(db.em(), session.token);
    expect(await resolveSession(db.em(), session.token, now)).toBeNull();
  });

  it('stop working when the user is deactivated, and go when the user is deleted', async () => {
    const { account, session } = await signUp(db.em(), uniqueSignUpInput(), meta, now);
    await db.em().nativeUpdate(User, { id: account.id }, { isActive: false });
    expect(await resolveSession(db.em(), session.token, now)).toBeNull();
    await db.em().nativeDelete(User, { id: account.id });
    expect(await db.em().count(Session, { user: account.id })).toBe(0);
    expect(await db.em().count(UserProfile, { user: account.id })).toBe(0);
  });

  it('ignore tokens that were never issued', async () => {
    expect(await resolveSession(db.em(), 'forged-token', now)).toBeNull();
  });
});
