import { MikroORM } from '@mikro-orm/postgresql';
import { migrateToLatest } from '@questline/domain/database/server/migrate';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import { createDatabase, dropDatabase } from '@questline/domain/database/server/scratch-database';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
// Brings the typing of what this setup provides to the test files.
import type {} from '@questline/domain/database/server/testing/test-database';
import { startTestPostgres, TEST_DATABASE_PREFIX } from './test-postgres.ts';

// One migrated template per run; every test file clones it (CREATE DATABASE … TEMPLATE), which is
// far faster than migrating, and gives each file a database of its own so files run in parallel.
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  const template = `${TEST_DATABASE_PREFIX}template_${randomBytes(4).toString('hex')}`;
  const templateUrl = await createDatabase(postgres.serverUrl, template);
  const orm = await MikroORM.init(createOrmConfig(templateUrl, { poolMax: 2 }));
  try {
    await migrateToLatest(orm);
  } finally {
    await orm.close(true);
  }
  project.provide('databaseServerUrl', postgres.serverUrl);
  project.provide('templateDatabase', template);
  console.log(`[test] integration databases on ${postgres.description}, cloned from ${template}`);

  return async () => {
    await dropDatabase(postgres.serverUrl, template);
    await postgres.stop();
  };
}
