import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { PASSWORD_MIN_LENGTH } from '../universal/account.ts';
import { passwordProblem, type PasswordOwner } from '../universal/password-policy.ts';

// zxcvbn-ts's "passwords-common" list (MIT, github.com/zxcvbn-ts/zxcvbn): ~49,000 passwords from
// breach corpora, most frequent first. Entries shorter than the minimum length are refused by the
// length rule already, so only the ~18,000 others are kept in memory.
let commonPasswords: ReadonlySet<string> | undefined;

function loadCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    dictionary['passwords-common']
      .filter((entry) => Array.from(entry).length >= PASSWORD_MIN_LENGTH)
      .map((entry) => entry.toLowerCase()),
  );
  return commonPasswords;
}

/** True for a password on the shipped list, compared case-insensitively. */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}

/** How many distinct passwords the policy refuses as common (for tests and documentation). */
export const commonPasswordCount = (): number => loadCommonPasswords().size;

/** Throws the policy's BAD_INPUT error (at `path`) unless `password` may be set for `owner`. */
export function assertAcceptablePassword(
  password: string,
  owner: PasswordOwner,
  path: readonly string[] = ['password'],
): void {
  const found = passwordProblem(password, owner, isCommonPassword);
  if (found) throw new DomainError(found.code, found.kind, found.message, { ...found.details, path });
}
