// `pnpm bench`: builds the benchmark scale on a fresh database, then measures each hot path
// through the services beside a minimal raw `pg` implementation of the same work (same process,
// same run), then through the whole HTTP + tRPC + auth stack beside a raw node:http + pg server
// under concurrent load, and writes the figures to docs/benchmarks.md. Settings (all optional,
// for iterating; see settings.ts): BENCH_ONLY, BENCH_HTTP_ONLY, BENCH_HTTP_CONNECTIONS,
// BENCH_HTTP_SECONDS, BENCH_HTTP_WARMUP_SECONDS, BENCH_HTTP_PROFILE, BENCH_KEEP_DATABASE.
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import pg from 'pg';
import { openBenchDatabase } from './bench-database.ts';
import type { BenchContext } from './context.ts';
import { findGeneratedScale, generateData, SCALE } from './generate-data.ts';
import { HTTP_PATHS } from './http/http-paths.ts';
import { runHttpPaths } from './http/http-bench.ts';
import { round } from './measure.ts';
import { BENCH_PATHS } from './paths.ts';
import { writeReport } from './report.ts';
import { runServicePaths } from './service-bench.ts';
import { readSettings, selected } from './settings.ts';

const POOL_SIZE = 8;
const CONCURRENCY = 4;

async function main(): Promise<void> {
  const settings = readSettings();
  const database = await openBenchDatabase();
  console.log(`[bench] database: ${database.description}`);
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
  pool.on('error', (error) => console.error('[bench] idle client error', error));
  const orm = await MikroORM.init(createOrmConfig(database.url, { poolMax: POOL_SIZE }));
  try {
    const client = await pool.connect();
    const generationStarted = performance.now();
    const generated = await (
      database.generated
        ? findGeneratedScale(client).then((ids) => ({ ...ids, timings: {} }))
        : generateData(client)
    ).finally(() => client.release());
    const generationMs = round(performance.now() - generationStarted);
    if (!database.generated) console.log(`[bench] generated in ${generationMs} ms:`, generated.timings);

    const ctx: BenchContext = {
      pool,
      orm,
      firstUserId: generated.firstUserId,
      userCount: SCALE.users,
      heavyUserId: generated.heavyUserId,
      now: new Date(),
    };
    const servicePaths = settings.httpOnly ? [] : selected(BENCH_PATHS, settings.only, (p) => [p.name]);
    const results = await runServicePaths(ctx, servicePaths, CONCURRENCY);
    const httpResults = await runHttpPaths(
      selected(HTTP_PATHS, settings.only, (p) => [p.name, p.procedure]),
      { ...ctx, databaseUrl: database.url, poolSize: POOL_SIZE, ...settings.http },
    );
    const failed = httpResults.filter((result) => result.api.failures || result.raw.failures);
    if (failed.length) {
      // Failed requests make the figures meaningless: keep the last report rather than publish them.
      process.exitCode = 1;
      console.error(`[bench] requests failed on: ${failed.map((result) => result.path.name).join(', ')}`);
      return;
    }
    // A partial run (BENCH_ONLY, BENCH_HTTP_ONLY, a kept database) prints its figures only.
    if (!settings.only && !settings.httpOnly && !database.generated)
      await writeReport({
        results,
        httpResults,
        http: settings.http,
        generationTimings: generated.timings,
        generationMs,
        concurrency: CONCURRENCY,
        poolSize: POOL_SIZE,
      });
  } finally {
    await orm.close(true);
    await pool.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exitCode = 1;
});
