import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { uniqueSignUpInput } from '@questline/domain/identity/server/testing/account-factory';
import type { SignUpInput } from '@questline/domain/identity/universal/account';
import { createInnerContext, type SessionCookieWriter } from '../context.ts';
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

/** A caller as the holder of `sessionToken` (anonymous without one), on a fresh EntityManager. */
export async function callerFor(
  db: TestDatabase,
  sessionToken?: string | null,
  cookies = new CookieRecorder(),
) {
  return createCaller(
    await createInnerContext({ em: db.em(), sessionToken: sessionToken ?? null, sessionCookie: cookies }),
  );
}

/** Signs up a new learner through the API and returns a caller acting as them. */
export async function signedUpLearner(db: TestDatabase, overrides: Partial<SignUpInput> = {}) {
  const input = uniqueSignUpInput(overrides);
  const cookies = new CookieRecorder();
  const account = await (await callerFor(db, null, cookies)).auth.signUp(input);
  if (!cookies.token) throw new Error('sign-up set no session cookie');
  return { input, account, token: cookies.token, caller: await callerFor(db, cookies.token) };
}
