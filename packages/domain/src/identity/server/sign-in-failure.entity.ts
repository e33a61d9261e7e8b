import { defineEntity, type InferEntity } from '@mikro-orm/core';

// Failed sign-ins per normalised email in a fixed window (see sign-in-failures.ts). Keyed by the
// email typed, not by user: an unknown email is counted exactly like a known one.
export const SignInFailure = defineEntity({
  name: 'SignInFailure',
  tableName: 'sign_in_failures',
  properties: (p) => ({
    emailKey: p.string().length(254).primary(),
    windowStartedAt: p.datetime().index('sign_in_failures_window_started_at_index'),
    failures: p.integer(),
  }),
  checks: [{ name: 'sign_in_failures_failures_positive', expression: 'failures > 0' }],
});
export type SignInFailure = InferEntity<typeof SignInFailure>;
