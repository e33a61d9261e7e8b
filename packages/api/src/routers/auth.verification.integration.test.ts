import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { hashOpaqueToken } from '@questline/domain/identity/server/session-token';
import { latestVerificationToken, outboxOf } from '@questline/domain/identity/server/testing/outbox';
import { EMAIL_VERIFICATION_TTL_MS } from '@questline/domain/identity/universal/email-verification';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();
// Now, so callers on the real clock see the links as fresh; later instants come from at().
const signedUpAt = new Date();
const at = (ms: number) => () => new Date(signedUpAt.getTime() + ms);
const MINUTE = 60_000;

const domainCodeOf = (error: { cause?: unknown }) =>
  error.cause instanceof DomainError ? error.cause.code : undefined;

async function isVerified(userId: number): Promise<boolean> {
  const [row] = await db
    .em()
    .execute<{ is_verified: boolean }[]>('select is_verified from users where id = ?', [userId]);
  return row?.is_verified ?? false;
}

async function unverifiedLearner(publicUrl = 'https://questline.example/') {
  return signedUpLearner(db, {}, { now: at(0), auth: { publicUrl } });
}

afterEach(() => vi.restoreAllMocks());

describe('sign-up', () => {
  it('writes a verification email to the outbox, keeping only the hash of its token', async () => {
    const { account, input } = await unverifiedLearner();
    const [message, ...others] = await outboxOf(db.em(), account.id);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ recipient: input.email, sent_at: null });
    expect(message?.link).toMatch(/^https:\/\/questline\.example\/verify-email\?token=[\w-]{43}$/);
    expect(message?.body).toContain(message?.link);

    const token = await latestVerificationToken(db.em(), account.id);
    const stored = await db
      .em()
      .execute<{ token_hash: string }[]>(
        'select token_hash from email_verification_tokens where user_id = ?',
        [account.id],
      );
    expect(stored).toEqual([{ token_hash: hashOpaqueToken(token) }]);
    expect(account.isVerified).toBe(false);
  });

  it('logs the link in development only', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await signedUpLearner(db);
    expect(log).not.toHaveBeenCalled();
    const { account } = await signedUpLearner(db, {}, { auth: { logEmailLinks: true } });
    const token = await latestVerificationToken(db.em(), account.id);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(token));
  });
});

describe('auth.verifyEmail', () => {
  it('verifies the account, without a session, once', async () => {
    const { account, caller } = await unverifiedLearner();
    const token = await latestVerificationToken(db.em(), account.id);
    const anonymous = await callerFor(db, null, { now: at(MINUTE) });

    expect(await anonymous.auth.verifyEmail({ token })).toEqual({ verified: true });
    expect(await isVerified(account.id)).toBe(true);
    expect(await caller.auth.me()).toMatchObject({ isVerified: true });

    const again = await trpcErrorOf(anonymous.auth.verifyEmail({ token }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(domainCodeOf(again)).toBe('VERIFICATION_TOKEN_INVALID');
  });

  it('refuses an expired link, leaving the account unverified', async () => {
    const { account } = await unverifiedLearner();
    const token = await latestVerificationToken(db.em(), account.id);
    const late = await callerFor(db, null, { now: at(EMAIL_VERIFICATION_TTL_MS) });
    const error = await trpcErrorOf(late.auth.verifyEmail({ token }));
    expect(domainCodeOf(error)).toBe('VERIFICATION_TOKEN_EXPIRED');
    expect((error.cause as DomainError).details.path).toEqual(['token']);
    expect(await isVerified(account.id)).toBe(false);
  });

  it.each([['unknown-token'], ['x'.repeat(43)]])('refuses the unknown token %j', async (token) => {
    const error = await trpcErrorOf((await callerFor(db)).auth.verifyEmail({ token }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(domainCodeOf(error)).toBe('VERIFICATION_TOKEN_INVALID');
  });

  it.each([[''], ['y'.repeat(600)]])('refuses malformed input %j as bad input', async (token) => {
    expect((await trpcErrorOf((await callerFor(db)).auth.verifyEmail({ token }))).code).toBe('BAD_REQUEST');
  });

  it("verifies only the link's own account", async () => {
    const first = await unverifiedLearner();
    const second = await unverifiedLearner();
    await (
      await callerFor(db)
    ).auth.verifyEmail({ token: await latestVerificationToken(db.em(), first.account.id) });
    expect(await isVerified(first.account.id)).toBe(true);
    expect(await isVerified(second.account.id)).toBe(false);
  });
});

describe('auth.resendVerification', () => {
  it('sends a new working link once a minute has passed, and spends every link on verifying', async () => {
    const { account, token } = await unverifiedLearner();
    const firstToken = await latestVerificationToken(db.em(), account.id);
    const later = await callerFor(db, token, { now: at(MINUTE) });
    expect(await later.auth.resendVerification()).toEqual({ sent: true });
    const secondToken = await latestVerificationToken(db.em(), account.id);
    expect(secondToken).not.toBe(firstToken);
    expect(await outboxOf(db.em(), account.id)).toHaveLength(2);

    await (await callerFor(db, null, { now: at(2 * MINUTE) })).auth.verifyEmail({ token: secondToken });
    const spent = await trpcErrorOf((await callerFor(db)).auth.verifyEmail({ token: firstToken }));
    expect(domainCodeOf(spent)).toBe('VERIFICATION_TOKEN_INVALID');
  });

  it('is throttled: within a minute of the last email, and past five an hour', async () => {
    const { account, token } = await unverifiedLearner();
    const tooSoon = await trpcErrorOf(
      (await callerFor(db, token, { now: at(30_000) })).auth.resendVerification(),
    );
    expect(tooSoon.code).toBe('TOO_MANY_REQUESTS');
    expect(domainCodeOf(tooSoon)).toBe('VERIFICATION_RESEND_THROTTLED');
    expect((tooSoon.cause as DomainError).details.retryAfterSeconds).toBe(30);

    for (let minute = 2; minute <= 8; minute += 2) {
      await (await callerFor(db, token, { now: at(minute * MINUTE) })).auth.resendVerification();
    }
    const overCap = await trpcErrorOf(
      (await callerFor(db, token, { now: at(20 * MINUTE) })).auth.resendVerification(),
    );
    // Five emails (sign-up at 0, then minutes 2–8): the one at sign-up must age out first.
    expect((overCap.cause as DomainError).details.retryAfterSeconds).toBe(40 * 60);
    expect(await outboxOf(db.em(), account.id)).toHaveLength(5);
  });

  it('refuses an account that is already verified, and an anonymous caller', async () => {
    const { account, token } = await unverifiedLearner();
    await (
      await callerFor(db)
    ).auth.verifyEmail({ token: await latestVerificationToken(db.em(), account.id) });
    const verified = await trpcErrorOf(
      (await callerFor(db, token, { now: at(MINUTE) })).auth.resendVerification(),
    );
    expect(verified.code).toBe('PRECONDITION_FAILED');
    expect(domainCodeOf(verified)).toBe('EMAIL_ALREADY_VERIFIED');
    expect(await outboxOf(db.em(), account.id)).toHaveLength(1);

    expect((await trpcErrorOf((await callerFor(db)).auth.resendVerification())).code).toBe('UNAUTHORIZED');
  });
});
