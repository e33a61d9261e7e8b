import type { EntityManager } from '@mikro-orm/postgresql';
import { seedCatalog } from '../../catalog/server/seed-catalog.ts';
import { DEMO_LEARNER, seedDemoLearner } from '../../demo/server/seed-demo-learner.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { seedAdmin, type AdminSeedConfig } from '../../identity/server/seed-admin.ts';
import { seedQuestionBank } from '../../quiz/server/seed-questions.ts';

export interface SeedConfig {
  readonly admin: AdminSeedConfig;
  /** The demo learner with two weeks of history (development only). */
  readonly demoAccounts: boolean;
}

export function seedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SeedConfig {
  const production = env.NODE_ENV === 'production';
  return {
    admin: {
      email: env.ADMIN_EMAIL || 'admin@questline.local',
      username: env.ADMIN_USERNAME || 'admin',
      password: env.ADMIN_PASSWORD || undefined,
      generateWhenMissing: !production,
    },
    demoAccounts: env.SEED_DEMO_ACCOUNTS ? env.SEED_DEMO_ACCOUNTS === 'true' : !production,
  };
}

/** Idempotent: every step inserts or updates only what differs, so seeding twice changes nothing. */
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
  const catalog = await seedCatalog(em);
  const questions = await seedQuestionBank(em);
  const game = await seedGameContent(em);
  if (questions.created || questions.updated) {
    log(`[seed] question bank: ${questions.created} added, ${questions.updated} updated`);
  }
  log(
    `[seed] content: ${catalog.languages} languages, ${catalog.lessons} lessons, ${catalog.exercises} exercises, ` +
      `${game.achievements} achievements, ${game.avatars} avatars, ${game.badges} badges`,
  );
  if (config.demoAccounts && (await seedDemoLearner(em, now)) === 'created') {
    log(`[seed] demo learner ${DEMO_LEARNER.email} / ${DEMO_LEARNER.password} with two weeks of history`);
  }
}
