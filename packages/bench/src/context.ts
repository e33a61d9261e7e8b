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
  readonly raw: (ctx: BenchContext, iteration: number) => Promise<unknown>;
  readonly service: (ctx: BenchContext, iteration: number) => Promise<unknown>;
}

/** A different benchmark user per iteration, spread over the whole population. */
export const userFor = (ctx: BenchContext, iteration: number) =>
  ctx.firstUserId + ((Math.abs(iteration) * 7919) % ctx.userCount);
