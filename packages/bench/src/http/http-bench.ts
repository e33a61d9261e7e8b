import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
  readonly api: SideResult;
  readonly raw: SideResult;
  /** API throughput over raw throughput, same run. */
  readonly ratio: number;
}

// Rows a consuming path prepares per side: enough for this rate over warm-up and run together.
const SUPPLY_PER_SECOND = 1_000;

const profileFile = (dir: string, path: HttpPath, side: Side) =>
  join(dir, `${path.procedure}.${side}.cpuprofile`);

/** One side's measured run, and the server's CPU time per successful request during it. */
export interface SideResult extends LoadResult {
  readonly cpuMsPerRequest: number;
}

async function runSide(
  server: ChildServer,
  path: HttpPath,
  side: Side,
  setup: HttpSetup,
  options: HttpBenchOptions,
): Promise<SideResult> {
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
  // Requests the warm-up abandoned finish before the measured run starts, and outside it.
  const cpuBefore = await server.settle();
  if (options.profileDir) server.profile();
  const measured = await load(server.url, path, next, run(options.seconds));
  const cpuAfter = await server.settle(options.profileDir && profileFile(options.profileDir, path, side));
  const cpuMsPerRequest = round((cpuAfter - cpuBefore) / 1000 / Math.max(measured.ok, 1));
  // A warm-up failure makes the measured run suspect too: report both together.
  return warmup.failures
    ? {
        ...measured,
        cpuMsPerRequest,
        failures: measured.failures + warmup.failures,
        firstFailure: warmup.firstFailure,
      }
    : { ...measured, cpuMsPerRequest };
}

const describe = (result: SideResult) =>
  `${result.throughputPerSecond}/s p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms cpu ${result.cpuMsPerRequest} ms/req` +
  (result.failures ? ` (${result.failures} FAILED: ${result.firstFailure ?? 'see the server log'})` : '');

/**
 * Each path through the real API server and through the raw server, both in child processes with
 * pools of the same size, loaded by autocannon from this process: raw first, then the API.
 */
export async function runHttpPaths(
  paths: readonly HttpPath[],
  options: HttpBenchOptions,
): Promise<HttpPathResult[]> {
  if (!paths.length) return [];
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
    runId: Date.now().toString(36),
  };
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const serverOptions = {
    env: {
      NODE_ENV: 'production',
      BENCH_SERVER_DATABASE_URL: options.databaseUrl,
      BENCH_SERVER_POOL_SIZE: String(options.poolSize),
    },
  };
  const servers: ChildServer[] = [];
  try {
    const raw = await startChildServer(new URL('./raw-server.ts', import.meta.url), serverOptions);
    servers.push(raw);
    const api = await startChildServer(new URL('./api-server.ts', import.meta.url), serverOptions);
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
