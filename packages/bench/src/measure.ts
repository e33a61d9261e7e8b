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

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** Runs `call(i)` `iterations` times with `concurrency` workers; latencies per call, throughput overall. */
export async function measure(
  name: string,
  call: (iteration: number) => Promise<unknown>,
  options: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? Math.min(20, options.iterations)); i += 1) await call(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const iteration = next;
      next += 1;
      if (iteration >= options.iterations) return;
      const callStarted = performance.now();
      await call(iteration);
      latencies.push(performance.now() - callStarted);
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
    throughputPerSecond: round(options.iterations / elapsedSeconds),
  };
}

export const round = (value: number) => Math.round(value * 100) / 100;
