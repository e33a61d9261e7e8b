import type pg from 'pg';
import type { Learners } from './learner-sessions.ts';

/** The two servers under load; each signs in as its own half of the bench learners. */
export type Side = 'api' | 'raw';

/** One request of a run: who sends it and the procedure's input. */
export interface BenchRequest {
  readonly userId: number;
  readonly input: unknown;
}

/** The nth request of one side's run, or undefined once the prepared supply is used up. */
export type RequestFeed = (n: number) => BenchRequest | undefined;

export interface HttpSetup {
  /** The bench process's own pool, for untimed preparation only. */
  readonly pool: pg.Pool;
  readonly learners: Learners;
  readonly heavyUserId: number;
  /** How many requests one side may send at most (warm-up and measured run together). */
  readonly supply: number;
  /** Unique to this run: idempotency keys include it, so a kept database never sees one twice. */
  readonly runId: string;
}

/** What the issue asks of every path through the stack, at 32 connections. */
export const HTTP_TARGETS = { minRatio: 0.7, maxP99Ms: 25 } as const;

export interface HttpPath<Input = unknown> {
  readonly name: string;
  /** The tRPC procedure, e.g. `game.leaderboard`; the raw server answers the same path. */
  readonly procedure: string;
  readonly kind: 'query' | 'mutation';
  /** Why the stack may trail raw here: printed in the report when a target is missed. */
  readonly whenMissed?: string;
  /** Untimed: makes what one side's requests consume (rows, learners) and deals them out. */
  feed(setup: HttpSetup, side: Side): Promise<RequestFeed>;
  /** The raw server's work for one request: the same SQL as the service behind the procedure. */
  raw(pool: pg.Pool, userId: number, input: Input): Promise<unknown>;
}

// Method syntax above keeps `raw` bivariant, so paths with their own input types share one list.
export const defineHttpPath = <Input>(path: HttpPath<Input>): HttpPath => path as HttpPath;
