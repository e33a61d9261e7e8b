import { MikroORM } from '@mikro-orm/postgresql';
import { locateDatabase } from '@questline/domain/database/server/database-location';
import { migrateToLatest } from '@questline/domain/database/server/migrate';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import { seedConfigFromEnv, seedDatabase } from '@questline/domain/database/server/seed';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Env } from './env.ts';
import { createRequestListener } from './http/server.ts';
import { connectRedis } from './redis.ts';

export interface RunningPlatform {
  readonly url: string;
  readonly server: Server;
  readonly orm: MikroORM;
  close(): Promise<void>;
}

// Both from src/ and from the bundle in dist/, the workspace root is three folders up.
const workspaceFolder = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** Database (embedded unless DATABASE_URL), migrations, seed, Redis if configured, then the HTTP server. */
export async function startPlatform(
  env: Env,
  log: (line: string) => void = console.log,
): Promise<RunningPlatform> {
  const database = await locateDatabase(env.DATABASE_URL);
  log(`[questline] database: ${database.description}`);
  const orm = await MikroORM.init(createOrmConfig(database.url, { poolMax: env.DATABASE_POOL_MAX }));
  const applied = await migrateToLatest(orm);
  if (applied.length) log(`[questline] applied migrations: ${applied.join(', ')}`);
  if (env.SEED_ON_START) await seedDatabase(orm.em.fork(), seedConfigFromEnv(process.env), new Date(), log);

  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : null;
  log(
    `[questline] redis: ${redis ? 'configured (REDIS_URL)' : 'not configured, using PostgreSQL and in-process fallbacks'}`,
  );

  const listener = createRequestListener({
    orm,
    env,
    redis,
    webDist: env.WEB_DIST ?? workspaceFolder('apps/web/dist'),
    adminDist: env.ADMIN_DIST ?? workspaceFolder('apps/admin/dist'),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await redis?.close();
      await orm.close(true);
      await database.stop();
    })());
  return { url, server, orm, close };
}
