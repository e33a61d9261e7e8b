import type { EntityManager } from '@mikro-orm/postgresql';
import { UserProfile } from '../../game/server/user-profile.entity.ts';
import { violatedUniqueConstraint } from '../../shared/server/constraint-violation.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { Account, Role, SignUpInput } from '../universal/account.ts';
import { toAccount } from './account-dto.ts';
import { assertAcceptablePassword } from './common-passwords.ts';
import { queueVerificationEmail, type QueuedEmail } from './email-verification.ts';
import { hashPassword } from './password.ts';
import { createSession, type IssuedSession, type RequestMeta } from './sessions.ts';
import { User } from './user.entity.ts';

export interface NewAccountOptions {
  readonly role?: Role;
  readonly isVerified?: boolean;
}

/** Checks the password against the policy, then hashes it (before any transaction opens). */
async function passwordAccountFields(input: SignUpInput): Promise<NewAccountFields> {
  assertAcceptablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return { email: input.email, username: input.username, passwordHash };
}

/** Creates the user and their game profile together; a taken email or username changes nothing. */
export async function createAccount(
  em: EntityManager,
  input: SignUpInput,
  now: Date,
  options: NewAccountOptions = {},
): Promise<User> {
  return insertAccount(em, await passwordAccountFields(input), now, options);
}

export interface NewAccountFields {
  readonly email: string;
  readonly username: string;
  /** Null for an account that signs in only through OAuth providers. */
  readonly passwordHash: string | null;
}

/** The insert behind every way of creating an account (sign-up, OAuth sign-in). */
export async function insertAccount(
  em: EntityManager,
  fields: NewAccountFields,
  now: Date,
  options: NewAccountOptions = {},
): Promise<User> {
  try {
    return await em.transactional(async (tx) => {
      const user = tx.create(User, {
        email: fields.email,
        username: fields.username,
        passwordHash: fields.passwordHash,
        role: options.role ?? 'learner',
        isVerified: options.isVerified ?? false,
        createdAt: now,
        updatedAt: now,
      });
      tx.create(UserProfile, { user, createdAt: now, updatedAt: now });
      await tx.flush();
      return user;
    });
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    if (constraint === 'users_email_unique') {
      throw new DomainError('EMAIL_TAKEN', 'CONFLICT', 'An account with this email already exists', {
        path: ['email'],
      });
    }
    if (constraint === 'users_username_unique') {
      throw new DomainError('USERNAME_TAKEN', 'CONFLICT', 'This username is taken', { path: ['username'] });
    }
    throw error;
  }
}

export interface SignUpOptions {
  /** Where browsers reach the server: the base of the verification link. */
  readonly publicUrl: string;
}

/** The server's own default PUBLIC_URL, for callers without configuration (tests, scripts). */
const LOCAL_SIGN_UP: SignUpOptions = { publicUrl: 'http://localhost:3000' };

export interface SignedUp {
  readonly account: Account;
  readonly session: IssuedSession;
  readonly verificationEmail: QueuedEmail;
}

/** A new learner with a session, and the email confirming their address in the outbox. */
export async function signUp(
  em: EntityManager,
  input: SignUpInput,
  meta: RequestMeta,
  now: Date,
  options: SignUpOptions = LOCAL_SIGN_UP,
): Promise<SignedUp> {
  const fields = await passwordAccountFields(input);
  const { user, verificationEmail } = await em.transactional(async (tx) => {
    const created = await insertAccount(tx, fields, now);
    return {
      user: created,
      verificationEmail: await queueVerificationEmail(tx, created, now, options.publicUrl),
    };
  });
  const session = await createSession(em, user.id, meta, now);
  return { account: toAccount(user), session, verificationEmail };
}
