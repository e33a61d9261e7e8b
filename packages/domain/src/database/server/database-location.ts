import { join } from 'node:path';
import { dataDirectory } from './project-paths.ts';

export interface DatabaseLocation {
  readonly url: string;
  /** One line for the log: which database this process uses (never the password). */
  readonly description: string;
  readonly stop: () => Promise<void>;
}

export const APP_DATABASE_NAME = 'questline';

/** `DATABASE_URL` when set; otherwise the embedded cluster under the project's data folder, started here. */
export async function locateDatabase(databaseUrl = process.env.DATABASE_URL): Promise<DatabaseLocation> {
  if (databaseUrl) {
    return {
      url: databaseUrl,
      description: `PostgreSQL from DATABASE_URL (${describeUrl(databaseUrl)})`,
      stop: async () => undefined,
    };
  }
  const { startEmbeddedCluster, ensureDatabase } = await import('./embedded-postgres.ts');
  const cluster = await startEmbeddedCluster(join(dataDirectory(), 'postgres'));
  await ensureDatabase(cluster.urlFor(), APP_DATABASE_NAME);
  return {
    url: cluster.urlFor(APP_DATABASE_NAME),
    description: `embedded PostgreSQL on 127.0.0.1:${cluster.port}/${APP_DATABASE_NAME} (data in ${cluster.dataDir})`,
    stop: cluster.stop,
  };
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'unparseable URL';
  }
}
