import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import type { ProgressPorts } from '@questline/domain/game/server/publish-progress';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import { seedAdmin } from '@questline/domain/identity/server/seed-admin';
import type { RequestMeta } from '@questline/domain/identity/server/sessions';
import type { SignUpInput } from '@questline/domain/identity/universal/account';
import { TRPCError } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../auth-settings.ts';
import { createInnerContext, type SessionCookieWriter } from '../context.ts';
import type { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { createCaller } from '../root.ts';

/** Records what a procedure would have put in the session cookie. */
export class CookieRecorder implements SessionCookieWriter {
  token: string | null = null;
  set(token: string): void {
    this.token = token;
  }
  clear(): void {
    this.token = null;
  }
}

export interface CallerOptions {
  readonly cookies?: CookieRecorder;
  readonly ports?: ProgressPorts;
  readonly now?: () => Date;
  /** Shared by several callers to count their sign-ins and sign-ups together. */
  readonly rateLimiter?: RateLimiter;
  /** Changes to the default auth settings (limits, public URL). */
  readonly auth?: Partial<AuthSettings>;
  /** The client's address and user agent. */
  readonly meta?: RequestMeta;
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A caller as the holder of `sessionToken` (anonymous without one), on a fresh EntityManager. */
export async function callerFor(
  db: TestDatabase,
  sessionToken?: string | null,
  options: CallerOptions | CookieRecorder = {},
) {
  const {
    cookies = new CookieRecorder(),
    ports,
    now,
    rateLimiter,
    auth,
    meta,
  } = options instanceof CookieRecorder ? { cookies: options } : options;
  return createCaller(
    await createInnerContext({
      em: db.em(),
      sessionToken: sessionToken ?? null,
      sessionCookie: cookies,
      ...(ports ? { ports } : {}),
      ...(now ? { now } : {}),
      ...(rateLimiter ? { rateLimiter } : {}),
      ...(auth ? { auth: { ...DEFAULT_AUTH_SETTINGS, ...auth } } : {}),
      ...(meta ? { meta } : {}),
    }),
  );
}

/**
 * Signs up a new learner through the API and returns a caller acting as them; `options` (a clock,
 * ports) apply to the sign-up and to the returned caller.
 */
export async function signedUpLearner(
  db: TestDatabase,
  overrides: Partial<SignUpInput> = {},
  options: Omit<CallerOptions, 'cookies'> = {},
) {
  const input = uniqueSignUpInput(overrides);
  const cookies = new CookieRecorder();
  const account = await (await callerFor(db, null, { ...options, cookies })).auth.signUp(input);
  if (!cookies.token) throw new Error('sign-up set no session cookie');
  return { input, account, token: cookies.token, caller: await callerFor(db, cookies.token, options) };
}

/** Creates a fresh admin account and returns a caller signed in as them. */
export async function signedInAdmin(db: TestDatabase) {
  const suffix = randomUUID().slice(0, 8);
  const input = {
    email: `admin.${suffix}@example.test`,
    username: `admin_${suffix}`,
    password: `admin password ${suffix}`,
    generateWhenMissing: false,
  };
  await seedAdmin(db.em(), input, new Date());
  const cookies = new CookieRecorder();
  const account = await (
    await callerFor(db, null, cookies)
  ).auth.signIn({
    email: input.email,
    password: input.password,
  });
  if (!cookies.token) throw new Error('admin sign-in set no session cookie');
  return { input, account, token: cookies.token, caller: await callerFor(db, cookies.token) };
}

/** The TRPCError a call rejects with; fails the test when it resolves or throws something else. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (caught: unknown) => ({ caught }),
  );
  if (!('caught' in outcome))
    throw new Error(`expected a TRPCError, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.caught instanceof TRPCError)) throw outcome.caught;
  return outcome.caught;
}
