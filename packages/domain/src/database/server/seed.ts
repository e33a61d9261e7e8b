import type { EntityManager } from '@mikro-orm/postgresql';
import { seedAdmin, type AdminSeedConfig } from '../../identity/server/seed-admin.ts';

export interface SeedConfig {
  readonly admin: AdminSeedConfig;
}

export function seedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SeedConfig {
  return {
    admin: {
      email: env.ADMIN_EMAIL || 'admin@questline.local',
      username: env.ADMIN_USERNAME || 'admin',
      password: env.ADMIN_PASSWORD || undefined,
      generateWhenMissing: env.NODE_ENV !== 'production',
    },
  };
}

/** Idempotent: every step inserts only what is missing, so seeding twice changes nothing. */
export async function seedDatabase(
  em: EntityManager,
  config: SeedConfig,
  now: Date,
  log: (line: string) => void = console.log,
): Promise<void> {
  const admin = await seedAdmin(em, config.admin, now);
  if (admin.status === 'created') {
    log(`[seed] created admin ${config.admin.email}`);
    if (admin.generatedPassword) {
      // Shown this once: only its argon2id hash is stored.
      log(`[seed] generated admin password (shown once): ${admin.generatedPassword}`);
    }
  }
}
