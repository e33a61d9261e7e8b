import { z } from 'zod';

/** A provider id as it appears in URLs (`/auth/oauth/<id>/start`) and in `oauth_accounts.provider`. */
export const OAUTH_PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const oauthProviderIdSchema = z
  .string()
  .regex(OAUTH_PROVIDER_ID_PATTERN, 'lower-case letters, digits and "-", at most 64');

/** What the sign-in page needs to offer a provider. */
export const oauthProviderSummarySchema = z.object({ id: z.string(), label: z.string() });
export type OAuthProviderSummary = z.infer<typeof oauthProviderSummarySchema>;

/** One of the learner's own links to a provider. */
export const linkedAccountSchema = z.object({
  provider: z.string(),
  email: z.string().nullable(),
  linkedAt: z.date(),
  lastUsedAt: z.date().nullable(),
});
export type LinkedAccount = z.infer<typeof linkedAccountSchema>;

export const unlinkOAuthInputSchema = z.object({ provider: oauthProviderIdSchema });
export type UnlinkOAuthInput = z.infer<typeof unlinkOAuthInputSchema>;

/** Who the provider says signed in, after the token exchange and ID token checks. */
export interface OAuthIdentity {
  readonly provider: string;
  /** The provider's stable user id (OIDC `sub`, TikTok `open_id`). */
  readonly subject: string;
  readonly email: string | null;
  /** True only when the provider asserts it verified `email`. */
  readonly emailVerified: boolean;
  readonly name: string | null;
  readonly preferredUsername: string | null;
}
