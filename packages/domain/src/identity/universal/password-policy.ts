// The rule every new password meets (sign-up, password change, the seeded admin): 8–128
// characters, not a commonly used password, and not built from the account's own email or username.
import type { DomainErrorDetails, DomainErrorKind } from '../../shared/universal/domain-error.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account.ts';

/**
 * Email local parts shorter than this are not looked for inside the password: "jo@…" would
 * otherwise refuse every password containing "jo". Usernames are at least 3 characters anyway.
 */
export const PASSWORD_IDENTITY_MIN_LENGTH = 3;

export type PasswordProblemCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_CONTAINS_EMAIL'
  | 'PASSWORD_CONTAINS_USERNAME'
  | 'PASSWORD_TOO_COMMON';

/** Shaped like a DomainError's fields, so a service throws it and a form shows it alike. */
export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly kind: Extract<DomainErrorKind, 'BAD_INPUT'>;
  readonly message: string;
  readonly details: DomainErrorDetails;
}

/** Whose password it is: the parts of the account a password must not contain. */
export interface PasswordOwner {
  readonly email: string;
  readonly username: string;
}

/** Answers whether a lower-cased password is on a list of commonly used ones. */
export type CommonPasswordCheck = (lowerCasedPassword: string) => boolean;

const problem = (code: PasswordProblemCode, message: string, extra: object = {}): PasswordProblem => ({
  code,
  kind: 'BAD_INPUT',
  message,
  details: { path: ['password'], ...extra },
});

/** Characters as a person counts them for a length rule: code points, so "🔑" is one. */
const characterCount = (text: string): number => Array.from(text).length;

const lower = (text: string) => text.trim().toLowerCase();

/** The local part of an email ("ana.lopez" of "Ana.Lopez@example.com"), lower-cased. */
export function emailLocalPart(email: string): string {
  const at = lower(email).lastIndexOf('@');
  return at < 0 ? lower(email) : lower(email).slice(0, at);
}

/**
 * The first rule the password breaks, or null when it is acceptable. `isCommon` is the shipped
 * list on the server; a browser can pass `() => false` to check everything else before sending.
 */
export function passwordProblem(
  password: string,
  owner: PasswordOwner,
  isCommon: CommonPasswordCheck,
): PasswordProblem | null {
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return problem('PASSWORD_TOO_SHORT', `At least ${PASSWORD_MIN_LENGTH} characters`, {
      min: PASSWORD_MIN_LENGTH,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return problem('PASSWORD_TOO_LONG', `At most ${PASSWORD_MAX_LENGTH} characters`, {
      max: PASSWORD_MAX_LENGTH,
    });
  }
  const candidate = password.toLowerCase();
  const localPart = emailLocalPart(owner.email);
  // The whole email contains its local part, so looking for the local part covers both.
  if (localPart.length >= PASSWORD_IDENTITY_MIN_LENGTH && candidate.includes(localPart)) {
    return problem('PASSWORD_CONTAINS_EMAIL', 'The password cannot contain your email address');
  }
  const username = lower(owner.username);
  if (username.length >= PASSWORD_IDENTITY_MIN_LENGTH && candidate.includes(username)) {
    return problem('PASSWORD_CONTAINS_USERNAME', 'The password cannot contain your username');
  }
  if (isCommon(candidate)) {
    return problem('PASSWORD_TOO_COMMON', 'This password is too common; choose one that is harder to guess');
  }
  return null;
}
