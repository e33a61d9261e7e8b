import type { OAuthFailureCode } from '@questline/api/oauth/failure';

// Keyed by the API's own code type, so a new failure code cannot go without its message.
const MESSAGES: Record<OAuthFailureCode, string> = {
  invalid_state: 'That sign-in attempt expired or was started in another tab. Please try again.',
  access_denied: 'Sign-in was cancelled at the provider.',
  provider_unavailable: 'The sign-in provider could not be reached. Please try again in a moment.',
  oauth_failed: 'Signing in with that provider did not work. Please try again.',
  account_disabled: 'This account has been disabled.',
  oauth_email_in_use:
    'An account with this email already exists. Sign in with your password, then link the provider.',
  oauth_linked_elsewhere: 'That provider account is already linked to another Questline account.',
  provider_already_linked: 'Your account is already linked to another account at this provider.',
};

const FALLBACK = 'Signing in did not work. Please try again.';

function isKnownCode(code: string): code is OAuthFailureCode {
  return Object.hasOwn(MESSAGES, code);
}

/** What to tell the learner for the `?error=` code the OAuth callback redirects with. */
export function oauthFailureMessage(code: string): string {
  return isKnownCode(code) ? MESSAGES[code] : FALLBACK;
}
