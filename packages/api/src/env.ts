import { z } from 'zod';
import { oauthEnvShape, refineOAuthEnv } from './oauth/provider-config.ts';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const count = z.coerce.number().int().positive();

// Every variable the server reads, validated once at start; `.env.example` documents each.
const envObject = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_USERNAME: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of the server. */
  TRUST_PROXY: flag.default(false),
  /** Mark the session cookie Secure: `auto` does so when the request came over HTTPS. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  MAX_BATCH_SIZE: z.coerce.number().int().positive().default(16),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(20),
  /** Folders of the built apps; default to apps/web/dist and apps/admin/dist in the workspace. */
  WEB_DIST: z.string().optional(),
  ADMIN_DIST: z.string().optional(),
  SEED_ON_START: flag.default(true),
  /** Read by the seed (see seedConfigFromEnv); validated here so a typo fails at start. */
  SEED_DEMO_ACCOUNTS: flag.optional(),
  /** Sign-in and sign-up attempts allowed per client address and window (see auth-settings.ts). */
  SIGN_IN_RATE_LIMIT: count.default(10),
  SIGN_IN_RATE_WINDOW_SECONDS: count.default(60),
  SIGN_UP_RATE_LIMIT: count.default(5),
  SIGN_UP_RATE_WINDOW_SECONDS: count.default(600),
  /** Failed sign-ins allowed per email and window; past them the email is locked until it ends. */
  SIGN_IN_FAILURE_LIMIT: count.default(100),
  SIGN_IN_FAILURE_WINDOW_SECONDS: count.default(3600),
  /** PUBLIC_URL, AUTH_SECRET and the OAuth/OIDC providers (see oauth/provider-config.ts). */
  ...oauthEnvShape,
});
// Checks across variables: OAuth client ids come with their secrets, provider ids are unique.
export const envSchema = envObject.superRefine(refineOAuthEnv);
export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings (a blank line in .env) mean "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
