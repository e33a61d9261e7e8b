import { startEmbeddedCluster } from '@questline/domain/database/server/embedded-postgres';
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
  const cluster = await startEmbeddedCluster(join(dataDirectory(), 'postgres-test'));
  // The cluster is ours alone: databases left by an interrupted run can go.
  await dropDatabasesWithPrefix(cluster.urlFor(), TEST_DATABASE_PREFIX);
  return {
    serverUrl: cluster.urlFor(),
    description: `embedded PostgreSQL on 127.0.0.1:${cluster.port}`,
    stop: cluster.stop,
  };
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
