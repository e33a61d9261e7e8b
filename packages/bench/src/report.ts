import { writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchPath } from './context.ts';
import { SCALE, type GenerationTimings } from './generate-data.ts';
import type { HttpPathResult } from './http/http-bench.ts';
import { httpMisses, httpSection } from './http/http-report.ts';
import type { Measurement } from './measure.ts';
import type { BenchSettings } from './settings.ts';
import { describeTargets, missList, verdict } from './verdict.ts';

export interface PathResult {
  readonly path: BenchPath;
  readonly raw: Measurement;
  readonly service: Measurement;
  /** Service throughput over raw throughput, same run. */
  readonly ratio: number;
}

export interface Report {
  readonly results: readonly PathResult[];
  readonly httpResults: readonly HttpPathResult[];
  readonly http: BenchSettings['http'];
  readonly generationTimings: GenerationTimings;
  readonly generationMs: number;
  readonly concurrency: number;
  readonly poolSize: number;
}

const serviceVerdict = (r: PathResult) => verdict(r.path.targets, r.ratio, r.service.p99Ms);

function serviceSection(report: Report): string {
  const rows = report.results.map(
    (r) =>
      `| ${r.path.name} | ${r.service.throughputPerSecond} | ${r.service.p50Ms} | ${r.service.p99Ms} | ` +
      `${r.raw.throughputPerSecond} | ${r.raw.p50Ms} | ${r.raw.p99Ms} | **${r.ratio}×** | ${describeTargets(r.path.targets)} | ${serviceVerdict(r)} |`,
  );
  return `| path | service /s | p50 ms | p99 ms | raw /s | p50 ms | p99 ms | ratio | target | result |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${rows.join('\n')}`;
}

function missesSection(report: Report): string {
  const service = missList(
    report.results.map((r) => ({ name: r.path.name, verdict: serviceVerdict(r), why: r.path.whenMissed })),
  );
  const http = httpMisses(report.httpResults);
  const lines = [service, http].filter(Boolean).join('\n');
  return lines ? `## Where a target is missed, and why\n\n${lines}\n` : 'Every target is met.\n';
}

/** Rewrites docs/benchmarks.md with this run's figures, machine and date. */
export async function writeReport(
  report: Report,
  file = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url)),
): Promise<void> {
  const cpu = cpus();
  const generation = Object.entries(report.generationTimings).map(([step, ms]) => `${step} ${ms} ms`);
  const text = `# Benchmarks

Written by \`pnpm bench\` (packages/bench); the numbers below are the latest run. Each hot path runs
through the real service (MikroORM EntityManager forked per call, the service's own transaction
and SQL) and through a minimal raw \`pg\` implementation of the same work, in the same process and
run, against the same database; the ratio is service throughput over raw throughput. The second
table runs the same paths through the whole HTTP stack under concurrent load.

- Date: ${new Date().toISOString()}
- Machine: ${type()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
- First table — latency (p50/p99): half of each path's calls, one at a time; throughput: the other half with ${report.concurrency} calls in flight; pools of ${report.poolSize} connections for both sides
- Scale: ${SCALE.users.toLocaleString('en')} users, ${SCALE.quizAttempts.toLocaleString('en')} quiz attempts, ${SCALE.reactions.toLocaleString('en')} reactions on ${SCALE.posts.toLocaleString('en')} posts, one user with ${SCALE.habits.toLocaleString('en')} habits × ${SCALE.habitYears} years of completions
- Data generation: ${report.generationMs} ms in all (${generation.join(', ')}); target for the attempts ≤ 60 s

${serviceSection(report)}

${httpSection(report.httpResults, report.http, report.poolSize)}

${missesSection(report)}`;
  writeFileSync(file, text);
  console.log(`[bench] wrote ${file}`);
}
