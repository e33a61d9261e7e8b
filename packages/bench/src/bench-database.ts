import { MikroORM } from '@mikro-orm/postgresql';
import { seedCatalog } from '@questline/domain/catalog/server/seed-catalog';
import { startEmbeddedCluster } from '@questline/domain/database/server/embedded-postgres';
import { migrateToLatest } from '@questline/domain/database/server/migrate';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import { dataDirectory } from '@questline/domain/database/server/project-paths';
import { createDatabase, dropDatabase } from '@questline/domain/database/server/scratch-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { join } from 'node:path';

export interface BenchDatabase {
  readonly url: string;
  readonly description: string;
  close(): Promise<void>;
}

const BENCH_DATABASE = 'questline_bench';

/**
 * A fresh database for the run: on BENCH_DATABASE_URL's (or DATABASE_URL's) server when set,
 * else on an embedded cluster of its own. Migrated and seeded with the shipped content.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const cluster = configured
    ? null
    : await startEmbeddedCluster(join(dataDirectory(), 'postgres-bench'), { exclusive: true });
  const serverUrl = configured ?? cluster?.urlFor() ?? '';
  await dropDatabase(serverUrl, BENCH_DATABASE);
  const url = await createDatabase(serverUrl, BENCH_DATABASE);
  const orm = await MikroORM.init(createOrmConfig(url, { poolMax: 4 }));
  try {
    await migrateToLatest(orm);
    await seedCatalog(orm.em.fork());
    await seedQuestionBank(orm.em.fork());
    await seedGameContent(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  return {
    url,
    description: configured
      ? 'PostgreSQL from BENCH_DATABASE_URL/DATABASE_URL'
      : `embedded PostgreSQL 17 (${cluster?.dataDir})`,
    close: async () => {
      await dropDatabase(serverUrl, BENCH_DATABASE);
      await cluster?.stop();
    },
  };
}
