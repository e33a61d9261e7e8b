import { WARMUP_CALLS } from './context.ts';

export interface Measurement {
  readonly name: string;
  readonly iterations: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly throughputPerSecond: number;
}

export interface MeasureOptions {
  readonly iterations: number;
  /** Calls in flight at once (each on its own connection from the pool). */
  readonly concurrency: number;
  readonly warmup?: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Two phases over `iterations` calls: latency (p50/p99) from the first half run one at a time, so
 * queueing on this small machine does not pass for slowness; throughput from the second half run
 * `concurrency` at a time. Iteration numbers run on across both phases (each call its own slot).
 */
export async function measure(
  name: string,
  call: (iteration: number) => Promise<unknown>,
  options: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? Math.min(WARMUP_CALLS, options.iterations)); i += 1)
    await call(-1 - i);
  const half = Math.floor(options.iterations / 2);
  const latencies: number[] = [];
  for (let iteration = 0; iteration < half; iteration += 1) {
    const started = performance.now();
    await call(iteration);
    latencies.push(performance.now() - started);
  }
  let next = half;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const iteration = next;
      next += 1;
      if (iteration >= options.iterations) return;
      await call(iteration);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    iterations: options.iterations,
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    throughputPerSecond: round((options.iterations - half) / elapsedSeconds),
  };
}

export const round = (value: number) => Math.round(value * 100) / 100;
