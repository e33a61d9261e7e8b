import {
  DEFAULT_SIGN_IN_FAILURE_WINDOW,
  type FailureWindow,
} from '@questline/domain/identity/server/sign-in-failures';
import type { Env } from './env.ts';
import type { RateRule } from './rate-limit/rate-limiter.ts';

/** What the auth procedures need from configuration, carried in the request context. */
export interface AuthSettings {
  /** Where browsers reach the server: the base of links in emails. */
  readonly publicUrl: string;
  /** Development has no mail sender: print verification links to the log instead. */
  readonly logEmailLinks: boolean;
  /** Sign-in and sign-up attempts per client address. */
  readonly signInRate: RateRule;
  readonly signUpRate: RateRule;
  /** Failed sign-ins per email. */
  readonly signInFailures: FailureWindow;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  publicUrl: 'http://localhost:3000',
  logEmailLinks: false,
  signInRate: { limit: 10, windowMs: 60_000 },
  signUpRate: { limit: 5, windowMs: 600_000 },
  signInFailures: DEFAULT_SIGN_IN_FAILURE_WINDOW,
};

export function authSettingsFromEnv(env: Env): AuthSettings {
  return {
    publicUrl: env.PUBLIC_URL,
    logEmailLinks: env.NODE_ENV === 'development',
    signInRate: { limit: env.SIGN_IN_RATE_LIMIT, windowMs: env.SIGN_IN_RATE_WINDOW_SECONDS * 1000 },
    signUpRate: { limit: env.SIGN_UP_RATE_LIMIT, windowMs: env.SIGN_UP_RATE_WINDOW_SECONDS * 1000 },
    signInFailures: {
      limit: env.SIGN_IN_FAILURE_LIMIT,
      windowMs: env.SIGN_IN_FAILURE_WINDOW_SECONDS * 1000,
    },
  };
}
