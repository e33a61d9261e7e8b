import { defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from './entities.ts';
import { MIGRATIONS } from './migrations/index.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

interface PgConnection {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface OrmConfigOptions {
  readonly poolMax?: number;
  readonly debug?: boolean;
}

export function createOrmConfig(clientUrl: string, options: OrmConfigOptions = {}): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    // Explicit imports instead of a folder glob: works the same from source, tests and the bundle.
    migrations: {
      migrationsList: MIGRATIONS,
      path: MIGRATIONS_FOLDER,
      pathTs: MIGRATIONS_FOLDER,
      snapshotName: '.snapshot-questline',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      silent: true,
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    pool: {
      min: 0,
      max: options.poolMax ?? 10,
      acquireTimeoutMillis: 10_000,
      // A restarted or failed-over database ends idle connections with an `error` event; unheard, it
      // would crash the process. Knex also marks the connection dead so the pool replaces it.
      afterCreate: (
        connection: PgConnection,
        done: (error: Error | null, connection: PgConnection) => void,
      ) => {
        connection.on('error', (error) => console.warn(`[database] connection lost: ${error.message}`));
        done(null, connection);
      },
    },
    // A database that does not answer fails the request in 5 s instead of holding it.
    driverOptions: { connection: { connectionTimeoutMillis: 5_000 } },
    debug: options.debug ?? false,
    // Entities are never serialised to clients; DTOs are. Keep identity maps small and explicit.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
}
