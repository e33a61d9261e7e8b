// `pnpm bench`: builds the benchmark scale on a fresh database, then measures each hot path
// through the services beside a minimal raw `pg` implementation of the same work, in the same
// process and run, and writes the figures to docs/benchmarks.md.
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '@questline/domain/database/server/orm-config';
import pg from 'pg';
import { openBenchDatabase } from './bench-database.ts';
import type { BenchContext } from './context.ts';
import { generateData, SCALE } from './generate-data.ts';
import { measure, round } from './measure.ts';
import { BENCH_PATHS } from './paths.ts';
import { writeReport, type PathResult } from './report.ts';

const POOL_SIZE = 8;
const CONCURRENCY = 4;

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  console.log(`[bench] database: ${database.description}`);
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
  pool.on('error', (error) => console.error('[bench] idle client error', error));
  const orm = await MikroORM.init(createOrmConfig(database.url, { poolMax: POOL_SIZE }));
  try {
    const client = await pool.connect();
    const generationStarted = performance.now();
    const generated = await generateData(client).finally(() => client.release());
    const generationMs = round(performance.now() - generationStarted);
    console.log(`[bench] generated in ${generationMs} ms:`, generated.timings);

    const ctx: BenchContext = {
      pool,
      orm,
      firstUserId: generated.firstUserId,
      userCount: SCALE.users,
      heavyUserId: generated.heavyUserId,
      now: new Date(),
    };
    const results: PathResult[] = [];
    // BENCH_ONLY=dashboard,quiz runs the paths whose names contain one of the words.
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    const paths = only
      ? BENCH_PATHS.filter((path) => only.some((word) => path.name.includes(word)))
      : BENCH_PATHS;
    for (const path of paths) {
      await path.prepare?.(ctx);
      const options = { iterations: path.iterations, concurrency: CONCURRENCY };
      const raw = await measure(`${path.name} (raw pg)`, (i) => path.raw(ctx, i), options);
      const service = await measure(`${path.name} (service)`, (i) => path.service(ctx, i), options);
      const result: PathResult = {
        path,
        raw,
        service,
        ratio: round(service.throughputPerSecond / raw.throughputPerSecond),
      };
      results.push(result);
      console.log(
        `[bench] ${path.name}: service ${service.throughputPerSecond}/s p50 ${service.p50Ms} ms p99 ${service.p99Ms} ms | ` +
          `raw ${raw.throughputPerSecond}/s p50 ${raw.p50Ms} ms p99 ${raw.p99Ms} ms | ratio ${result.ratio}`,
      );
    }
    // A partial run (BENCH_ONLY) prints its figures but leaves the report of the last full run.
    if (!only)
      await writeReport({
        results,
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
