import type { Leaderboard } from '../universal/leaderboards.ts';

// The port to a fast copy of `leaderboard_standings` (Redis sorted sets in @questline/api). The
// table stays the truth: writes reach it in the transaction and the mirror after commit, best
// effort; reads use the mirror when it answers and the table otherwise. Without a mirror (the
// default: the parameter is optional everywhere) everything runs on the table.

/** One standing as the table holds it; `reachedAt` in µs since the epoch, the column's precision. */
export interface MirroredStanding {
  readonly userId: number;
  readonly score: number;
  readonly reachedAt: bigint;
}

export interface RankedStanding extends MirroredStanding {
  readonly rank: number;
}

/** A mirror read either answers or cannot (the board was never built, or was lost). */
export type MirrorRead<T> = { readonly hit: true; readonly value: T } | { readonly hit: false };

export interface StandingsMirror {
  /**
   * Sets the user's standing to the table's current value. Resolves false when the board is not
   * built in the mirror (nothing written: the caller rebuilds it). Rejects when the mirror is down.
   */
  record(
    board: Leaderboard,
    scope: string,
    userId: number,
    score: number,
    reachedAt: bigint,
  ): Promise<boolean>;
  /** The first `n`, best first. */
  top(board: Leaderboard, scope: string, n: number): Promise<MirrorRead<RankedStanding[]>>;
  /** The user's rank and standing; null when the user has none on this board. */
  rankOf(
    board: Leaderboard,
    scope: string,
    userId: number,
  ): Promise<MirrorRead<{ readonly standing: RankedStanding; readonly of: number } | null>>;
  /** Up to `k` standings either side of the user's, the user's own included, best first. */
  around(board: Leaderboard, scope: string, userId: number, k: number): Promise<MirrorRead<RankedStanding[]>>;
  /** Replaces the whole board with `standings` at once and marks it built. */
  replace(board: Leaderboard, scope: string, standings: readonly MirroredStanding[]): Promise<void>;
}

/** Orders standings as the rank index does: higher score, then reached earlier, then lower user id. */
export function compareStandings(a: MirroredStanding, b: MirroredStanding): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.reachedAt !== b.reachedAt) return a.reachedAt < b.reachedAt ? -1 : 1;
  return a.userId - b.userId;
}
