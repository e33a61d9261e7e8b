import {
  ClusterInUseError,
  startEmbeddedCluster,
  type EmbeddedCluster,
} from '@questline/domain/database/server/embedded-postgres';
import { rm } from 'node:fs/promises';
import { dataDirectory } from '@questline/domain/database/server/project-paths';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A URL of the server; tests create their own databases on it. */
  readonly serverUrl: string;
  readonly description: string;
  readonly stop: () => Promise<void>;
}

export const TEST_DATABASE_PREFIX = 'questline_test_';

/** TEST_DATABASE_URL or DATABASE_URL when set, otherwise an embedded cluster kept for tests only. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (configured) {
    return {
      serverUrl: configured,
      description: 'TEST_DATABASE_URL/DATABASE_URL',
      stop: async () => undefined,
    };
  }
  const cluster = await startOwnCluster();
  // The cluster is this run's alone: databases left by an interrupted run can go.
  await dropDatabasesWithPrefix(cluster.urlFor(), TEST_DATABASE_PREFIX);
  return {
    serverUrl: cluster.urlFor(),
    description: `embedded PostgreSQL on 127.0.0.1:${cluster.port}`,
    stop: cluster.stop,
  };
}

// Test runs never share a cluster: one run's teardown would pull the databases from under another.
// The persistent folder is reused when free; a concurrent run gets a throwaway one.
async function startOwnCluster(): Promise<EmbeddedCluster> {
  try {
    return await startEmbeddedCluster(join(dataDirectory(), 'postgres-test'), { exclusive: true });
  } catch (error) {
    if (!(error instanceof ClusterInUseError)) throw error;
    const folder = join(dataDirectory(), `postgres-test-${process.pid}`);
    const cluster = await startEmbeddedCluster(folder, { exclusive: true });
    return {
      ...cluster,
      stop: async () => {
        await cluster.stop();
        await rm(folder, { recursive: true, force: true });
        await rm(`${folder}.credentials.json`, { force: true });
      },
    };
  }
}

async function dropDatabasesWithPrefix(maintenanceUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${client.escapeIdentifier(datname)} with (force)`);
    }
  } finally {
    await client.end();
  }
}
