import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';

export interface BenchContext {
  /** The raw baseline's pool: plain `pg`, no ORM. */
  readonly pool: pg.Pool;
  /** The services' ORM, with a pool of the same size; every call forks its EntityManager. */
  readonly orm: MikroORM;
  readonly firstUserId: number;
  readonly userCount: number;
  readonly heavyUserId: number;
  readonly now: Date;
}

export interface BenchPath {
  readonly name: string;
  /** What the issue asks of this path, checked and reported. */
  readonly targets: { readonly minRatio?: number; readonly maxP99Ms?: number };
  readonly iterations: number;
  /** Why the service may trail raw on this path: printed in the report when a target is missed. */
  readonly whenMissed?: string;
  /** Untimed setup before both sides run (rows each measured call consumes). */
  readonly prepare?: (ctx: BenchContext) => Promise<void>;
  readonly raw: (ctx: BenchContext, iteration: number) => Promise<unknown>;
  readonly service: (ctx: BenchContext, iteration: number) => Promise<unknown>;
}

/** A different benchmark user per iteration, spread over the whole population. */
export const userFor = (ctx: BenchContext, iteration: number) =>
  ctx.firstUserId + ((Math.abs(iteration) * 7919) % ctx.userCount);

/** Warm-up calls (negative iterations) come first, then the measured ones: one slot each. */
export const WARMUP_CALLS = 20;
const slotOf = (iteration: number) => (iteration < 0 ? -iteration - 1 : iteration + WARMUP_CALLS);

/** Raw and service take separate halves of the population, each call a fresh learner for its side. */
export const rawUser = (ctx: BenchContext, iteration: number) =>
  ctx.firstUserId + (slotOf(iteration) % (ctx.userCount / 2));
export const serviceUser = (ctx: BenchContext, iteration: number) =>
  ctx.firstUserId + ctx.userCount / 2 + (slotOf(iteration) % (ctx.userCount / 2));
