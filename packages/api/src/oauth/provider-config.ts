import { oauthProviderIdSchema } from '@questline/domain/identity/universal/oauth';
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain HTTP is allowed for loopback providers only (local development and the tests). */
export const isLoopbackHttp = (url: string): boolean => {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
};

const providerUrl = z
  .url()
  .refine(
    (url) => url.startsWith('https://') || isLoopbackHttp(url),
    'must use https (http only on loopback)',
  );
const scopeToken = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'not a valid scope');
/** Where a value sits in a JSON response, as dotted keys: `data.user.open_id`. */
const jsonPath = z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, 'dotted keys like data.user.open_id');

const common = {
  id: oauthProviderIdSchema,
  label: z.string().trim().min(1).max(64),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
};

const oidcProviderSchema = z
  .object({
    ...common,
    issuer: providerUrl,
    scopes: z.array(scopeToken).min(1).default(['openid', 'email', 'profile']),
  })
  .strict()
  .refine((provider) => provider.scopes.includes('openid'), {
    message: 'an OIDC provider needs the openid scope',
    path: ['scopes'],
  });

const oauth2ProviderSchema = z
  .object({
    ...common,
    authorizationEndpoint: providerUrl,
    tokenEndpoint: providerUrl,
    userinfoEndpoint: providerUrl,
    scopes: z.array(scopeToken).min(1),
    /** TikTok joins scopes with "," where the standard uses " ". */
    scopeSeparator: z.enum([' ', ',']).default(' '),
    /** TikTok names the client id `client_key`, in the authorization and the token request. */
    clientIdParameter: z.enum(['client_id', 'client_key']).default('client_id'),
    profile: z
      .object({ subject: jsonPath, name: jsonPath.optional(), username: jsonPath.optional() })
      .strict(),
  })
  .strict();

export type OidcProviderSettings = z.infer<typeof oidcProviderSchema>;
export type OAuth2ProviderSettings = z.infer<typeof oauth2ProviderSchema>;

const jsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON array' });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

/** The OAuth part of the environment; `env.ts` spreads it into the server's schema. */
export const oauthEnvShape = {
  /** Where browsers reach the server; OAuth redirect URIs are `${PUBLIC_URL}/auth/oauth/<id>/callback`. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  /** Encrypts the short-lived OAuth flow cookie; without it a per-process random key is used. */
  AUTH_SECRET: z.string().min(32).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  TIKTOK_CLIENT_KEY: z.string().min(1).optional(),
  TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PROVIDERS: jsonList(oidcProviderSchema).default([]),
  OAUTH2_PROVIDERS: jsonList(oauth2ProviderSchema).default([]),
};
export type OAuthEnv = z.infer<z.ZodObject<typeof oauthEnvShape>>;

export type ProviderSettings =
  ({ readonly kind: 'oidc' } & OidcProviderSettings) | ({ readonly kind: 'oauth2' } & OAuth2ProviderSettings);

const google = (env: OAuthEnv): ProviderSettings[] =>
  env.GOOGLE_CLIENT_ID
    ? [
        {
          kind: 'oidc',
          id: 'google',
          label: 'Google',
          issuer: 'https://accounts.google.com',
          clientId: env.GOOGLE_CLIENT_ID,
          clientSecret: env.GOOGLE_CLIENT_SECRET,
          scopes: ['openid', 'email', 'profile'],
        },
      ]
    : [];

// TikTok Login Kit v2: plain OAuth 2.0 with PKCE; the user id (`open_id`) comes from the user info API.
const tiktok = (env: OAuthEnv): ProviderSettings[] =>
  env.TIKTOK_CLIENT_KEY
    ? [
        {
          kind: 'oauth2',
          id: 'tiktok',
          label: 'TikTok',
          authorizationEndpoint: 'https://www.tiktok.com/v2/auth/authorize/',
          tokenEndpoint: 'https://open.tiktokapis.com/v2/oauth/token/',
          userinfoEndpoint: 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name',
          clientId: env.TIKTOK_CLIENT_KEY,
          clientSecret: env.TIKTOK_CLIENT_SECRET,
          scopes: ['user.info.basic'],
          scopeSeparator: ',',
          clientIdParameter: 'client_key',
          profile: { subject: 'data.user.open_id', name: 'data.user.display_name' },
        },
      ]
    : [];

/** Every configured provider, in the order the sign-in page offers them. */
export function configuredProviders(env: OAuthEnv): ProviderSettings[] {
  return [
    ...google(env),
    ...tiktok(env),
    ...env.OIDC_PROVIDERS.map((provider) => ({ kind: 'oidc' as const, ...provider })),
    ...env.OAUTH2_PROVIDERS.map((provider) => ({ kind: 'oauth2' as const, ...provider })),
  ];
}

/** Checks across variables, run as part of the environment's validation at start. */
export function refineOAuthEnv(env: OAuthEnv, context: z.RefinementCtx): void {
  const pairs = [
    ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
    ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'],
  ] as const;
  for (const [id, secret] of pairs) {
    if (Boolean(env[id]) !== Boolean(env[secret])) {
      context.addIssue({
        code: 'custom',
        path: [env[id] ? secret : id],
        message: `set with ${id}/${secret}`,
      });
    }
  }
  const seen = new Set<string>();
  for (const provider of configuredProviders(env)) {
    if (seen.has(provider.id)) {
      context.addIssue({
        code: 'custom',
        path: ['OIDC_PROVIDERS/OAUTH2_PROVIDERS'],
        message: `provider id "${provider.id}" is configured twice`,
      });
    }
    seen.add(provider.id);
  }
}
