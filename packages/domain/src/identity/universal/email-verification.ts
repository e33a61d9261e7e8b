import { z } from 'zod';

export const EMAIL_VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

/** How often a learner may ask for another verification email. */
export interface ResendPolicy {
  readonly minIntervalMs: number;
  readonly maxPerWindow: number;
  readonly windowMs: number;
}

export const RESEND_POLICY: ResendPolicy = {
  minIntervalMs: 60 * 1000,
  maxPerWindow: 5,
  windowMs: 60 * 60 * 1000,
};

/**
 * How long to wait before another verification email may be sent (0: now), given when the
 * earlier ones were sent (the one at sign-up included). Pure: the clock is passed in.
 */
export function resendDelayMs(
  sentAt: readonly Date[],
  now: Date,
  policy: ResendPolicy = RESEND_POLICY,
): number {
  const at = now.getTime();
  const recent = sentAt.map((date) => date.getTime()).filter((time) => time > at - policy.windowMs);
  if (recent.length === 0) return 0;
  const sorted = recent.sort((a, b) => a - b);
  const latest = sorted[sorted.length - 1] ?? at;
  const untilInterval = latest + policy.minIntervalMs - at;
  // Over the cap, the oldest send in the window must age out first.
  const oldestThatMustAge = sorted[sorted.length - policy.maxPerWindow];
  const untilWindow =
    sorted.length >= policy.maxPerWindow && oldestThatMustAge !== undefined
      ? oldestThatMustAge + policy.windowMs - at
      : 0;
  return Math.max(0, untilInterval, untilWindow);
}

export const verifyEmailInputSchema = z.object({
  // Tokens are 43 base64url characters; the bound only stops absurd input before hashing.
  token: z.string().trim().min(1).max(512),
});
export type VerifyEmailInput = z.infer<typeof verifyEmailInputSchema>;

export const emailVerifiedSchema = z.object({ verified: z.literal(true) });
export type EmailVerified = z.infer<typeof emailVerifiedSchema>;

export const verificationSentSchema = z.object({ sent: z.literal(true) });
export type VerificationSent = z.infer<typeof verificationSentSchema>;
