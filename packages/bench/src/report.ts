import { writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchPath } from './context.ts';
import { SCALE, type GenerationTimings } from './generate-data.ts';
import type { Measurement } from './measure.ts';

export interface PathResult {
  readonly path: BenchPath;
  readonly raw: Measurement;
  readonly service: Measurement;
  /** Service throughput over raw throughput, same run. */
  readonly ratio: number;
}

export interface Report {
  readonly results: readonly PathResult[];
  readonly generationTimings: GenerationTimings;
  readonly generationMs: number;
  readonly concurrency: number;
  readonly poolSize: number;
}

function verdict(result: PathResult): string {
  const misses: string[] = [];
  const { minRatio, maxP99Ms } = result.path.targets;
  if (minRatio !== undefined && result.ratio < minRatio) misses.push(`ratio ${result.ratio} < ${minRatio}`);
  if (maxP99Ms !== undefined && result.service.p99Ms > maxP99Ms)
    misses.push(`p99 ${result.service.p99Ms} ms > ${maxP99Ms} ms`);
  return misses.length ? `missed: ${misses.join(', ')}` : 'met';
}

const target = (path: BenchPath) =>
  [
    path.targets.minRatio !== undefined ? `≥ ${path.targets.minRatio}× raw` : '',
    path.targets.maxP99Ms !== undefined ? `p99 ≤ ${path.targets.maxP99Ms} ms` : '',
  ]
    .filter(Boolean)
    .join(', ');

function misses(results: readonly PathResult[]): string {
  const missed = results.filter((result) => verdict(result) !== 'met');
  if (!missed.length) return '\nEvery target is met.\n';
  const lines = missed.map(
    (result) =>
      `- **${result.path.name}** (${verdict(result)}): ${result.path.whenMissed ?? 'no analysis yet.'}`,
  );
  return `\n## Where a target is missed, and why\n\n${lines.join('\n')}\n`;
}

/** Rewrites docs/benchmarks.md with this run's figures, machine and date. */
export async function writeReport(report: Report): Promise<void> {
  const file = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  const cpu = cpus();
  const rows = report.results.map(
    (r) =>
      `| ${r.path.name} | ${r.service.throughputPerSecond} | ${r.service.p50Ms} | ${r.service.p99Ms} | ` +
      `${r.raw.throughputPerSecond} | ${r.raw.p50Ms} | ${r.raw.p99Ms} | **${r.ratio}×** | ${target(r.path)} | ${verdict(r)} |`,
  );
  const generation = Object.entries(report.generationTimings).map(([step, ms]) => `${step} ${ms} ms`);
  const text = `# Benchmarks

Written by \`pnpm bench\` (packages/bench); the numbers below are the latest run. Each hot path runs
through the real service (MikroORM EntityManager forked per call, the service's own transaction
and SQL) and through a minimal raw \`pg\` implementation of the same work, in the same process and
run, against the same database; the ratio is service throughput over raw throughput.

- Date: ${new Date().toISOString()}
- Machine: ${type()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
- Latency (p50/p99): half of each path's calls, one at a time; throughput: the other half with ${report.concurrency} calls in flight; pools of ${report.poolSize} connections for both sides
- Scale: ${SCALE.users.toLocaleString('en')} users, ${SCALE.quizAttempts.toLocaleString('en')} quiz attempts, ${SCALE.reactions.toLocaleString('en')} reactions on ${SCALE.posts.toLocaleString('en')} posts, one user with ${SCALE.habits.toLocaleString('en')} habits × ${SCALE.habitYears} years of completions
- Data generation: ${report.generationMs} ms in all (${generation.join(', ')}); target for the attempts ≤ 60 s

| path | service /s | p50 ms | p99 ms | raw /s | p50 ms | p99 ms | ratio | target | result |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${rows.join('\n')}
${misses(report.results)}`;
  writeFileSync(file, text);
  console.log(`[bench] wrote ${file}`);
}
