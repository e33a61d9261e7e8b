import { DomainError } from '@questline/domain/shared/universal/domain-error';
import * as client from 'openid-client';

/** Codes the sign-in page gets in `?error=`: stable, and never the provider's own message. */
export type OAuthFailureCode =
  | 'invalid_state'
  | 'access_denied'
  | 'provider_unavailable'
  | 'oauth_failed'
  | 'account_disabled'
  | 'oauth_email_in_use'
  | 'oauth_linked_elsewhere'
  | 'provider_already_linked';

const DOMAIN_CODES = new Map<string, OAuthFailureCode>([
  ['ACCOUNT_DISABLED', 'account_disabled'],
  ['OAUTH_EMAIL_IN_USE', 'oauth_email_in_use'],
  ['OAUTH_LINKED_ELSEWHERE', 'oauth_linked_elsewhere'],
  ['PROVIDER_ALREADY_LINKED', 'provider_already_linked'],
]);

const UNREACHABLE_CLIENT_CODES = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM']);

function providerUnreachable(error: unknown): boolean {
  // fetch() rejects with "fetch failed" (refused, reset, DNS); timeouts and 5xx come as ClientErrors.
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return error instanceof client.ClientError && UNREACHABLE_CLIENT_CODES.has(error.code ?? '');
}

/** Classifies what went wrong talking to the provider or signing in; undefined for a bug of ours. */
export function failureCode(error: unknown): OAuthFailureCode | undefined {
  if (error instanceof DomainError) return DOMAIN_CODES.get(error.code);
  if (error instanceof client.AuthorizationResponseError) {
    return error.error === 'access_denied' ? 'access_denied' : 'oauth_failed';
  }
  if (providerUnreachable(error)) return 'provider_unavailable';
  if (
    error instanceof client.ClientError ||
    error instanceof client.ResponseBodyError ||
    error instanceof client.WWWAuthenticateChallengeError
  ) {
    return 'oauth_failed';
  }
  return undefined;
}
