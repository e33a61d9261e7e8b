import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { Account, SignInInput } from '../universal/account.ts';
import { toAccount } from './account-dto.ts';
import { verifyPassword } from './password.ts';
import { createSession, revokeSession, type IssuedSession, type RequestMeta } from './sessions.ts';
import {
  clearSignInFailures,
  countSignInAttempt,
  DEFAULT_SIGN_IN_FAILURE_WINDOW,
  type FailureWindow,
} from './sign-in-failures.ts';
import { User } from './user.entity.ts';

export interface SignInOptions {
  /** The session the browser held before: it is ended, so the id rotates at every sign-in. */
  readonly previousToken?: string | undefined;
  /** Failed sign-ins allowed per email and window (default: 100 an hour). */
  readonly failureWindow?: FailureWindow;
}

const invalidCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'Email or password is incorrect');

export async function signIn(
  em: EntityManager,
  input: SignInInput,
  meta: RequestMeta,
  now: Date,
  options: SignInOptions = {},
): Promise<{ account: Account; session: IssuedSession }> {
  await countSignInAttempt(em, input.email, now, options.failureWindow ?? DEFAULT_SIGN_IN_FAILURE_WINDOW);
  const user = await em.findOne(User, { email: input.email });
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  // One answer for an unknown email and a wrong password: sign-in must not reveal who has an account.
  if (!user || !passwordMatches) throw invalidCredentials();
  await clearSignInFailures(em, input.email);
  if (!user.isActive) {
    throw new DomainError('ACCOUNT_DISABLED', 'FORBIDDEN', 'This account has been deactivated');
  }
  if (options.previousToken) await revokeSession(em, options.previousToken);
  const session = await createSession(em, user.id, meta, now);
  return { account: toAccount(user), session };
}
