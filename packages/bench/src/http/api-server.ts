// Child process: the production request listener (HTTP → tRPC → session → service) over the
// bench database with its own ORM pool. PostgreSQL only, no Redis: the raw server beside it runs
// the same SQL, and the standings mirror would turn the leaderboard into a different read.
import { MikroORM } from '@mikro-orm/postgresql';
import { loadEnv } from '@questline/api/env';
import { createRequestListener } from '@questline/api/http/server';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import { childSetting, serveInChild } from './serve-in-child.ts';

const orm = await MikroORM.init(
  createOrmConfig(childSetting('BENCH_SERVER_DATABASE_URL'), {
    poolMax: Number(childSetting('BENCH_SERVER_POOL_SIZE')),
  }),
);
const listener = createRequestListener({
  orm,
  env: loadEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false', SEED_ON_START: 'false' }),
  redis: null,
  webDist: '/nonexistent/web',
  adminDist: '/nonexistent/admin',
});
// Knex's pool (tarn): nothing borrowed, nothing waiting for a connection.
const knexPool = orm.em.getConnection().getKnex().client.pool as {
  numUsed(): number;
  numPendingAcquires(): number;
};
await serveInChild(listener, {
  databaseIdle: () => knexPool.numUsed() === 0 && knexPool.numPendingAcquires() === 0,
  close: () => orm.close(true),
});
