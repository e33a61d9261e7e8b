import type { BenchContext, BenchPath } from './context.ts';
import { measure, round } from './measure.ts';
import type { PathResult } from './report.ts';

/** Each hot path through its service and through raw pg, in this process: raw first. */
export async function runServicePaths(
  ctx: BenchContext,
  paths: readonly BenchPath[],
  concurrency: number,
): Promise<PathResult[]> {
  const results: PathResult[] = [];
  for (const path of paths) {
    await path.prepare?.(ctx);
    const options = { iterations: path.iterations, concurrency };
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
  return results;
}
