import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { createAccount } from './sign-up.ts';
import { User } from './user.entity.ts';

export interface AdminSeedConfig {
  readonly email: string;
  readonly username: string;
  /** From configuration; when absent a password is generated only if `generateWhenMissing`. */
  readonly password?: string | undefined;
  readonly generateWhenMissing: boolean;
}

export type AdminSeedResult =
  { readonly status: 'exists' } | { readonly status: 'created'; readonly generatedPassword?: string };

/** Creates the configured admin once; an existing account (matched by email) is left as it is. */
export async function seedAdmin(
  em: EntityManager,
  config: AdminSeedConfig,
  now: Date,
): Promise<AdminSeedResult> {
  if (await em.count(User, { email: config.email })) return { status: 'exists' };
  if (!config.password && !config.generateWhenMissing) {
    throw new Error('ADMIN_PASSWORD must be set to create the first admin account in production');
  }
  const generatedPassword = config.password ? undefined : randomBytes(15).toString('base64url');
  const password = config.password ?? generatedPassword ?? '';
  try {
    await createAccount(em, { email: config.email, username: config.username, password }, now, {
      role: 'admin',
      isVerified: true,
    });
  } catch (error) {
    // At start-up a bare policy message would not say which setting is at fault.
    if (error instanceof DomainError && error.code.startsWith('PASSWORD_')) {
      throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return generatedPassword ? { status: 'created', generatedPassword } : { status: 'created' };
}
