// What a run measures, from the environment; every setting is optional (a full run needs none).
const words = (value: string | undefined) => value?.split(',').filter(Boolean);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
  return value;
}

export interface BenchSettings {
  /** BENCH_ONLY=dashboard,quiz: only the paths whose names (or procedures) contain one of the words. */
  readonly only: readonly string[] | undefined;
  /** BENCH_HTTP_ONLY=1: skip the service-level table, run the paths through HTTP only. */
  readonly httpOnly: boolean;
  readonly http: {
    readonly connections: number;
    readonly seconds: number;
    readonly warmupSeconds: number;
    /** BENCH_HTTP_PROFILE=<dir>: a CPU profile of each measured run, <procedure>.<api|raw>.cpuprofile. */
    readonly profileDir: string | undefined;
  };
}

export function readSettings(): BenchSettings {
  return {
    only: words(process.env.BENCH_ONLY),
    httpOnly: process.env.BENCH_HTTP_ONLY === '1',
    http: {
      connections: positive('BENCH_HTTP_CONNECTIONS', 32),
      seconds: positive('BENCH_HTTP_SECONDS', 10),
      warmupSeconds: positive('BENCH_HTTP_WARMUP_SECONDS', 2),
      profileDir: process.env.BENCH_HTTP_PROFILE || undefined,
    },
  };
}

/** The items whose name (or any of the given fields) contains one of the words; all without words. */
export const selected = <T>(
  items: readonly T[],
  only: readonly string[] | undefined,
  names: (item: T) => string[],
) =>
  only ? items.filter((item) => only.some((word) => names(item).some((name) => name.includes(word)))) : items;
