import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';

// Failed password checks per email, in a fixed window from the first failure. The counter lives in
// PostgreSQL rather than in the rate limiter: it is a security boundary against online guessing of
// one account, so it must hold across API processes, restarts and a Redis outage (the limiter
// falls back to per-process counting, which N processes would multiply by N). Keying by the email
// typed, not the user, makes an unknown email count and lock exactly like a known one.

export interface FailureWindow {
  /** Failed attempts allowed per window; the next attempt is refused even with the right password. */
  readonly limit: number;
  readonly windowMs: number;
}

export const DEFAULT_SIGN_IN_FAILURE_WINDOW: FailureWindow = { limit: 100, windowMs: 60 * 60 * 1000 };

/** The key an email is counted under: what PostgreSQL's citext would consider the same email. */
export const signInFailureKey = (email: string): string => email.trim().toLowerCase().slice(0, 254);

interface CounterRow {
  failures: number;
  window_started_at: Date;
}

/**
 * Counts this attempt as a failure before the password is checked (a success clears the count
 * again), so concurrent guesses cannot slip past the limit between check and count. Throws
 * SIGN_IN_LOCKED — the same answer whether or not an account has this email — past the limit.
 */
export async function countSignInAttempt(
  em: EntityManager,
  email: string,
  now: Date,
  window: FailureWindow,
): Promise<void> {
  const windowEndedBefore = new Date(now.getTime() - window.windowMs);
  const key = signInFailureKey(email);
  // Windows that ended are dead weight; the index on window_started_at keeps this a short scan.
  await em.execute('delete from sign_in_failures where window_started_at <= ?', [windowEndedBefore]);
  const [row] = await em.execute<CounterRow[]>(
    `insert into sign_in_failures as f (email_key, window_started_at, failures) values (?, ?, 1)
     on conflict (email_key) do update set
       window_started_at = case when f.window_started_at <= ? then excluded.window_started_at
                                else f.window_started_at end,
       failures = case when f.window_started_at <= ? then 1 else f.failures + 1 end
     returning failures, window_started_at`,
    [key, now, windowEndedBefore, windowEndedBefore],
  );
  if (!row || row.failures <= window.limit) return;
  const retryAfterMs = new Date(row.window_started_at).getTime() + window.windowMs - now.getTime();
  throw new DomainError(
    'SIGN_IN_LOCKED',
    'RATE_LIMITED',
    'Too many failed sign-ins with this email. Try again later.',
    { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  );
}

/** After the right password: the email's failures are forgotten. */
export async function clearSignInFailures(em: EntityManager, email: string): Promise<void> {
  await em.execute('delete from sign_in_failures where email_key = ?', [signInFailureKey(email)]);
}
