import type { MikroORM } from '@mikro-orm/postgresql';
import type { RedisHandle } from '../redis.ts';

export interface HealthDeps {
  readonly orm: MikroORM;
  readonly redis: RedisHandle | null;
  readonly startedAt: Date;
}

export interface HealthReport {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
}

async function checkDatabase(orm: MikroORM) {
  const started = performance.now();
  try {
    await orm.em.getConnection().execute('select 1');
    const pending = await orm.getMigrator().getPendingMigrations();
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { ok: true, latencyMs, pendingMigrations: pending.map((migration) => migration.name) };
  } catch {
    // The reason goes to the log, never to an anonymous caller.
    return { ok: false, latencyMs: null, pendingMigrations: [] as string[] };
  }
}

/** `/health`: the process is alive. */
export function liveness(deps: HealthDeps): HealthReport {
  const uptimeSeconds = Math.round((Date.now() - deps.startedAt.getTime()) / 1000);
  return { httpStatus: 200, body: { status: 'ok', uptimeSeconds } };
}

/** `/health/database`: connectivity and migration state. */
export async function databaseHealth(deps: HealthDeps): Promise<HealthReport> {
  const database = await checkDatabase(deps.orm);
  const upToDate = database.ok && database.pendingMigrations.length === 0;
  return {
    httpStatus: upToDate ? 200 : 503,
    body: {
      status: database.ok ? (upToDate ? 'ok' : 'migrations_pending') : 'unavailable',
      latencyMs: database.latencyMs,
      pendingMigrations: database.pendingMigrations,
    },
  };
}

/** `/health/ready`: can serve learners. Redis down is `degraded` (fallbacks serve), not an error. */
export async function readiness(deps: HealthDeps): Promise<HealthReport> {
  const [database, redisUp] = await Promise.all([
    checkDatabase(deps.orm),
    deps.redis ? deps.redis.ping() : Promise.resolve(null),
  ]);
  const redis = redisUp === null ? 'disabled' : redisUp ? 'ok' : 'unavailable';
  const status = !database.ok ? 'unavailable' : redis === 'unavailable' ? 'degraded' : 'ok';
  return {
    httpStatus: database.ok ? 200 : 503,
    body: { status, database: database.ok ? 'ok' : 'unavailable', redis },
  };
}
