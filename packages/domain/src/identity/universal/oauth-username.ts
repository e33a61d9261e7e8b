import { USERNAME_PATTERN } from './account.ts';

// Leaves room for a "_" and a four-digit suffix inside the 30-character limit.
const BASE_MAX_LENGTH = 25;

/** The profile fields a username can be derived from, most wanted first. */
export interface UsernameSources {
  readonly preferredUsername: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly provider: string;
}

function toUsernameShape(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_.]+/g, '_')
    .replace(/^[_.]+|[_.]+$/g, '')
    .slice(0, BASE_MAX_LENGTH)
    .replace(/[_.]+$/, '')
    .toLowerCase();
}

/** A username built from the provider's profile: always matches the username rule. */
export function baseUsername(sources: UsernameSources): string {
  const emailLocalPart = sources.email?.split('@')[0] ?? null;
  for (const source of [sources.preferredUsername, sources.name, emailLocalPart]) {
    const candidate = source ? toUsernameShape(source) : '';
    if (USERNAME_PATTERN.test(candidate)) return candidate;
  }
  return `${toUsernameShape(sources.provider).slice(0, 20) || 'oauth'}_user`;
}

/** The base itself, then the base with each given number as a suffix: what to try, in order. */
export function usernameCandidates(base: string, suffixes: readonly number[]): string[] {
  return [base, ...suffixes.map((suffix) => `${base}_${suffix}`)];
}
