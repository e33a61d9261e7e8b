import { SCALE } from '../generate-data.ts';
import type { BenchSettings } from '../settings.ts';
import { describeTargets, missList, verdict } from '../verdict.ts';
import type { HttpPathResult } from './http-bench.ts';
import { HTTP_TARGETS } from './http-path.ts';

function httpVerdict(result: HttpPathResult): string {
  const outcome = verdict(HTTP_TARGETS, result.ratio, result.api.p99Ms);
  // Closed-loop load: latency ≈ connections ÷ throughput, so a slow machine misses it on both sides.
  const rawAlsoSlow = result.raw.p99Ms > HTTP_TARGETS.maxP99Ms && result.api.p99Ms > HTTP_TARGETS.maxP99Ms;
  return rawAlsoSlow ? `${outcome}; raw p99 ${result.raw.p99Ms} ms too` : outcome;
}

const row = (r: HttpPathResult) =>
  `| ${r.path.name} | \`${r.path.procedure}\` | ${r.api.throughputPerSecond} | ${r.api.p50Ms} | ${r.api.p99Ms} | ${r.api.cpuMsPerRequest} | ` +
  `${r.raw.throughputPerSecond} | ${r.raw.p50Ms} | ${r.raw.p99Ms} | ${r.raw.cpuMsPerRequest} | **${r.ratio}×** | ${describeTargets(HTTP_TARGETS)} | ${httpVerdict(r)} |`;

/** The second table of docs/benchmarks.md: every path through the whole stack under load. */
export function httpSection(
  results: readonly HttpPathResult[],
  http: BenchSettings['http'],
  poolSize: number,
): string {
  const { connections, seconds, warmupSeconds } = http;
  return `## Through HTTP + tRPC + auth (${connections} connections)

The production request listener (\`createRequestListener\`: HTTP, tRPC (superjson-format answers written by \`wire/superjson-fast.ts\`), the session
cookie resolved per request, zod input and output, the service, \`publishProgress\` after rewarding
commits) beside a raw \`node:http\` + \`pg\` server that takes the same request shape, resolves the
session with the same SQL, runs the raw implementation of the first table and answers JSON. Each
server runs in its own child process with a pool of ${poolSize} connections; autocannon loads it from the bench
process with ${connections} connections for ${seconds} s after a ${warmupSeconds} s warm-up, raw first. Every request is signed in
as the next of the side's half of the ${SCALE.users.toLocaleString('en')} bench learners (the dashboard: the learner with ${SCALE.habits.toLocaleString('en')}
habits); rewarding mutations carry a fresh idempotency key and their own prepared lesson run or
habit. Every request of the run answered 2xx (a run with failures writes no report). The API runs
on PostgreSQL alone (no Redis), so both sides read the same tables.
CPU ms/req is the server process's CPU time over the measured run per successful request: on a
machine shared with the load generator and PostgreSQL, throughput follows it. To look closer:
\`BENCH_HTTP_ONLY=1 BENCH_ONLY=<procedure> BENCH_HTTP_PROFILE=<dir> pnpm bench\` writes a CPU
profile of each measured run, \`tsx src/http/profile-summary.ts <file>\` sums it by package.

| path | procedure | API /s | p50 ms | p99 ms | CPU ms/req | raw /s | p50 ms | p99 ms | CPU ms/req | ratio | target | result |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${results.map(row).join('\n')}`;
}

/** The HTTP table's misses, each with its path's explanation. */
export const httpMisses = (results: readonly HttpPathResult[]) =>
  missList(
    results.map((r) => ({
      name: `${r.path.name}, through HTTP`,
      verdict: httpVerdict(r),
      why: r.path.whenMissed,
    })),
  );
