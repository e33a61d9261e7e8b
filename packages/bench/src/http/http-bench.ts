import type pg from 'pg';
import { round } from '../measure.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import type { HttpPath, HttpSetup, Side } from './http-path.ts';
import { createLearnerSessions, type Learners } from './learner-sessions.ts';
import { load, type LoadOptions, type LoadResult, type NextRequest } from './load.ts';

export interface HttpBenchOptions {
  readonly databaseUrl: string;
  /** The bench process's pool: sessions and per-path rows are prepared through it, untimed. */
  readonly pool: pg.Pool;
  readonly firstUserId: number;
  readonly userCount: number;
  readonly heavyUserId: number;
  /** Connections each server's database pool may open: the same for both. */
  readonly poolSize: number;
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly profileDir?: string | undefined;
}

export interface HttpPathResult {
  readonly path: HttpPath;
  readonly api: LoadResult;
  readonly raw: LoadResult;
  /** API throughput over raw throughput, same run. */
  readonly ratio: number;
}

// Rows a consuming path prepares per side: enough for this rate over warm-up and run together.
const SUPPLY_PER_SECOND = 1_000;

async function runSide(
  server: ChildServer,
  path: HttpPath,
  side: Side,
  setup: HttpSetup,
  options: HttpBenchOptions,
): Promise<LoadResult> {
  const feed = await path.feed(setup, side);
  let sent = 0;
  const next: NextRequest = () => {
    const request = feed(sent);
    sent += 1;
    return request && { token: setup.learners.tokenOf(request.userId), input: request.input };
  };
  await setup.learners.touch();
  const run = (seconds: number): LoadOptions => ({ connections: options.connections, seconds });
  const warmup = await load(server.url, path, next, run(options.warmupSeconds));
  const measured = await load(server.url, path, next, run(options.seconds));
  // A warm-up failure means the measured run is suspect too: report both together.
  return warmup.failures
    ? { ...measured, failures: measured.failures + warmup.failures, firstFailure: warmup.firstFailure }
    : measured;
}

const describe = (result: LoadResult) =>
  `${result.throughputPerSecond}/s p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms` +
  (result.failures ? ` (${result.failures} FAILED: ${result.firstFailure ?? 'see the server log'})` : '');

/**
 * Each path through the real API server and through the raw server, both in child processes with
 * pools of the same size, loaded by autocannon from this process: raw first, then the API.
 */
export async function runHttpPaths(
  paths: readonly HttpPath[],
  options: HttpBenchOptions,
): Promise<HttpPathResult[]> {
  const learners: Learners = await createLearnerSessions(
    options.pool,
    options.firstUserId,
    options.userCount,
  );
  const setup: HttpSetup = {
    pool: options.pool,
    learners,
    heavyUserId: options.heavyUserId,
    supply: Math.ceil(SUPPLY_PER_SECOND * (options.seconds + options.warmupSeconds)),
  };
  const serverOptions = (name: string) => ({
    env: { BENCH_SERVER_DATABASE_URL: options.databaseUrl, BENCH_SERVER_POOL_SIZE: String(options.poolSize) },
    profileDir: options.profileDir && `${options.profileDir}/${name}`,
  });
  const servers: ChildServer[] = [];
  try {
    const raw = await startChildServer(new URL('./raw-server.ts', import.meta.url), serverOptions('raw'));
    servers.push(raw);
    const api = await startChildServer(new URL('./api-server.ts', import.meta.url), serverOptions('api'));
    servers.push(api);
    const results: HttpPathResult[] = [];
    for (const path of paths) {
      const rawResult = await runSide(raw, path, 'raw', setup, options);
      const apiResult = await runSide(api, path, 'api', setup, options);
      const ratio = round(apiResult.throughputPerSecond / rawResult.throughputPerSecond);
      results.push({ path, raw: rawResult, api: apiResult, ratio });
      console.log(
        `[bench] HTTP ${path.name}: api ${describe(apiResult)} | raw ${describe(rawResult)} | ratio ${ratio}`,
      );
    }
    return results;
  } finally {
    for (const server of servers) await server.stop();
  }
}
