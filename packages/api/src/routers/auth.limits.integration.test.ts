import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { signInFailureKey } from '@questline/domain/identity/server/sign-in-failures';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { User } from '@questline/domain/identity/server/user.entity';
import { type DomainError } from '@questline/domain/shared/universal/domain-error';
import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from '../auth-settings.ts';
import { createInProcessRateLimiter } from '../rate-limit/in-process-limiter.ts';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();
const start = new Date();
const at = (ms: number) => () => new Date(start.getTime() + ms);
const MINUTE = 60_000;

const details = (error: TRPCError) => (error.cause as DomainError).details;
const answerOf = (error: TRPCError) => ({
  code: error.code,
  domainCode: (error.cause as DomainError).code,
  message: error.message,
});

/** Callers from one client address sharing one limiter, on a clock the test moves. */
function clientAt(ip: string, auth: Partial<AuthSettings>, limiter = createInProcessRateLimiter()) {
  return (now = at(0)) => callerFor(db, null, { rateLimiter: limiter, auth, meta: { ip }, now });
}

describe('sign-in attempts per client address', () => {
  const auth = { signInRate: { limit: 3, windowMs: MINUTE } };

  it('refuses past the limit with a retry hint, counting bad input too, until the window ends', async () => {
    const { input } = await signedUpLearner(db);
    const limiter = createInProcessRateLimiter();
    const client = clientAt('203.0.113.10', auth, limiter);
    await trpcErrorOf((await client()).auth.signIn({ email: input.email, password: 'wrong password' }));
    await trpcErrorOf((await client()).auth.signIn({ email: '', password: '' }));
    await (await client()).auth.signIn(input);

    const refused = await trpcErrorOf((await client(at(20_000))).auth.signIn(input));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(details(refused).retryAfterSeconds).toBe(40);

    // Another address has its own count; the same one starts again once its window ended.
    expect(await (await clientAt('203.0.113.11', auth, limiter)()).auth.signIn(input)).toMatchObject({
      email: input.email,
    });
    expect(await (await client(at(MINUTE))).auth.signIn(input)).toMatchObject({ email: input.email });
  });

  it('counts the addresses of one IPv6 /64 together', async () => {
    const { input } = await signedUpLearner(db);
    const limiter = createInProcessRateLimiter();
    for (let i = 1; i <= 3; i += 1)
      await (await clientAt(`2001:db8:7:7::${i}`, auth, limiter)()).auth.signIn(input);
    const refused = await trpcErrorOf(
      (await clientAt('2001:db8:7:7::99', auth, limiter)()).auth.signIn(input),
    );
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('sign-ups per client address', () => {
  it('refuses past the limit and creates nothing', async () => {
    const client = clientAt('198.51.100.20', { signUpRate: { limit: 2, windowMs: 10 * MINUTE } });
    for (let i = 0; i < 2; i += 1) await (await client()).auth.signUp(uniqueSignUpInput());
    const input = uniqueSignUpInput();
    const refused = await trpcErrorOf((await client(at(MINUTE))).auth.signUp(input));
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(details(refused).retryAfterSeconds).toBe(9 * 60);
    expect(await db.em().count(User, { email: input.email })).toBe(0);
  });
});

describe('failed sign-ins per email', () => {
  const auth = { signInFailures: { limit: 3, windowMs: 60 * MINUTE } };
  // Each attempt from its own address: this is the per-email limit, not the per-address one.
  let address = 0;
  const anyClient = (now = at(0)) => clientAt(`192.0.2.${(address += 1) % 250}`, auth)(now);
  const fail = async (email: string, times = 3) => {
    for (let i = 0; i < times; i += 1) {
      const error = await trpcErrorOf((await anyClient()).auth.signIn({ email, password: 'wrong password' }));
      expect(answerOf(error).domainCode).toBe('INVALID_CREDENTIALS');
    }
  };

  it('locks the email, even for the right password, until the window has passed', async () => {
    const { input } = await signedUpLearner(db);
    await fail(input.email.toUpperCase());
    const locked = await trpcErrorOf((await anyClient(at(10 * MINUTE))).auth.signIn(input));
    expect(answerOf(locked)).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'SIGN_IN_LOCKED' });
    expect(details(locked).retryAfterSeconds).toBe(50 * 60);

    expect(await (await anyClient(at(60 * MINUTE))).auth.signIn(input)).toMatchObject({ email: input.email });
  });

  it('answers for an unknown email exactly as for a known one, locked or not', async () => {
    const { input } = await signedUpLearner(db);
    const unknown = `nobody.${input.email}`;
    const wrongKnown = await trpcErrorOf((await anyClient()).auth.signIn({ ...input, password: 'wrong!!!' }));
    const wrongUnknown = await trpcErrorOf(
      (await anyClient()).auth.signIn({ email: unknown, password: 'wrong!!!' }),
    );
    expect(answerOf(wrongUnknown)).toEqual(answerOf(wrongKnown));

    // One failure each already: two more reach the limit of 3.
    await fail(input.email, 2);
    await fail(unknown, 2);
    const lockedKnown = await trpcErrorOf((await anyClient()).auth.signIn(input));
    const lockedUnknown = await trpcErrorOf((await anyClient()).auth.signIn({ ...input, email: unknown }));
    expect(answerOf(lockedUnknown)).toEqual(answerOf(lockedKnown));
    expect(details(lockedUnknown)).toEqual(details(lockedKnown));
  });

  it('forgets the failures after a successful sign-in', async () => {
    const { input } = await signedUpLearner(db);
    await trpcErrorOf((await anyClient()).auth.signIn({ ...input, password: 'wrong password' }));
    await trpcErrorOf((await anyClient()).auth.signIn({ ...input, password: 'wrong password' }));
    await (await anyClient()).auth.signIn(input);
    await fail(input.email);
    expect((await trpcErrorOf((await anyClient()).auth.signIn(input))).code).toBe('TOO_MANY_REQUESTS');
  });

  it('allows 100 failures an hour by default', async () => {
    const { input } = await signedUpLearner(db);
    // 99 failures already counted: the 100th is still an ordinary wrong password, the next is refused.
    await db
      .em()
      .execute('insert into sign_in_failures (email_key, window_started_at, failures) values (?, ?, 99)', [
        signInFailureKey(input.email),
        start,
      ]);
    const defaults = (await callerFor(db, null, { now: at(MINUTE) })).auth;
    expect((await trpcErrorOf(defaults.signIn({ ...input, password: 'wrong password' }))).code).toBe(
      'UNAUTHORIZED',
    );
    const locked = await trpcErrorOf(defaults.signIn(input));
    expect(answerOf(locked).domainCode).toBe('SIGN_IN_LOCKED');
    expect(details(locked).retryAfterSeconds).toBe(59 * 60);
  });
});
