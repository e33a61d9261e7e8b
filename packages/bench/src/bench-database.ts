import { MikroORM } from '@mikro-orm/postgresql';
import { seedCatalog } from '@questline/domain/catalog/server/seed-catalog';
import { startEmbeddedCluster } from '@questline/domain/database/server/embedded-postgres';
import { migrateToLatest } from '@questline/domain/database/server/migrate';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import { dataDirectory } from '@questline/domain/database/server/project-paths';
import {
  createDatabase,
  dropDatabase,
  withDatabaseName,
} from '@questline/domain/database/server/scratch-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import { seedQuestionBank } from '@questline/domain/quiz/server/seed-questions';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  readonly url: string;
  readonly description: string;
  /** True when a kept database from an earlier run already holds the generated scale. */
  readonly generated: boolean;
  close(): Promise<void>;
}

const BENCH_DATABASE = 'questline_bench';
// BENCH_KEEP_DATABASE=1 (for iterating on the bench): generate once, keep, reuse next time.
const KEPT_DATABASE = 'questline_bench_kept';

async function holdsGeneratedScale(serverUrl: string, name: string): Promise<boolean> {
  const maintenance = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await maintenance.connect();
  try {
    const found = await maintenance.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) return false;
  } finally {
    await maintenance.end();
  }
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, name) });
  await client.connect();
  try {
    const users = await client.query(`select 1 from users where email like 'bench%' limit 1`);
    return Boolean(users.rowCount);
  } finally {
    await client.end();
  }
}

async function createSeeded(serverUrl: string, name: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  const url = await createDatabase(serverUrl, name);
  const orm = await MikroORM.init(createOrmConfig(url, { poolMax: 4 }));
  try {
    await migrateToLatest(orm);
    await seedCatalog(orm.em.fork());
    await seedQuestionBank(orm.em.fork());
    await seedGameContent(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  return url;
}

/**
 * A fresh database for the run: on BENCH_DATABASE_URL's (or DATABASE_URL's) server when set,
 * else on an embedded cluster of its own. Migrated and seeded with the shipped content.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const configured = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  const cluster = configured
    ? null
    : await startEmbeddedCluster(join(dataDirectory(), 'postgres-bench'), { exclusive: true });
  const serverUrl = configured ?? cluster?.urlFor() ?? '';
  const name = keep ? KEPT_DATABASE : BENCH_DATABASE;
  const generated = keep && (await holdsGeneratedScale(serverUrl, name));
  const url = generated ? withDatabaseName(serverUrl, name) : await createSeeded(serverUrl, name);
  const server = configured
    ? 'PostgreSQL from BENCH_DATABASE_URL/DATABASE_URL'
    : `embedded PostgreSQL 17 (${cluster?.dataDir})`;
  return {
    url,
    generated,
    description: keep ? `${server}, kept database ${name}${generated ? ' (reused)' : ''}` : server,
    close: async () => {
      if (!keep) await dropDatabase(serverUrl, name);
      await cluster?.stop();
    },
  };
}
