import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  changePasswordInputSchema,
  type ChangePasswordInput,
  type PasswordChanged,
} from '../universal/password-change.ts';
import { assertAcceptablePassword } from './common-passwords.ts';
import { revokeUserSessions } from './manage-sessions.ts';
import { hashPassword, verifyPassword } from './password.ts';
import {
  clearSignInFailures,
  countSignInAttempt,
  DEFAULT_SIGN_IN_FAILURE_WINDOW,
  type FailureWindow,
} from './sign-in-failures.ts';
import { User } from './user.entity.ts';

export interface PasswordChanger {
  readonly id: number;
  /** The session asking: it stays, every other session of the user ends. */
  readonly sessionId: number;
}

/**
 * Sets a new password (held to the policy) once the current one is confirmed. Wrong current
 * passwords count against the same per-email window as sign-ins, so a borrowed session cannot
 * be used to guess the password either.
 */
export async function changePassword(
  em: EntityManager,
  changer: PasswordChanger,
  rawInput: ChangePasswordInput,
  now: Date,
  failureWindow: FailureWindow = DEFAULT_SIGN_IN_FAILURE_WINDOW,
): Promise<PasswordChanged> {
  const input = parseInput(changePasswordInputSchema, rawInput);
  const user = await em.findOne(User, { id: changer.id });
  if (!user) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
  assertAcceptablePassword(input.newPassword, user, ['newPassword']);

  await countSignInAttempt(em, user.email, now, failureWindow);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('WRONG_PASSWORD', 'BAD_INPUT', 'The current password is not correct', {
      path: ['currentPassword'],
    });
  }
  await clearSignInFailures(em, user.email);

  const passwordHash = await hashPassword(input.newPassword);
  return em.transactional(async (tx) => {
    await tx.execute('update users set password_hash = ? where id = ?', [passwordHash, changer.id]);
    const { revoked } = await revokeUserSessions(tx, changer.id, changer.sessionId);
    return { changed: true as const, revokedSessions: revoked };
  });
}
