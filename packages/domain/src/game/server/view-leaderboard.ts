import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  currentLeaderboardScope,
  leaderboardRequestSchema,
  type LeaderboardPage,
  type LeaderboardRequest,
} from '../universal/leaderboard-view.ts';
import type { Leaderboard } from '../universal/leaderboards.ts';
import { getLeaderboard } from './leaderboards.ts';
import type { StandingsMirror } from './standings-mirror.ts';

/**
 * A board as the learner asked for it, the default scope resolved at `now` (all-time: "all";
 * weekly: this UTC week), with their own rank and neighbours. Reads the mirror when given.
 */
export async function viewLeaderboard(
  em: EntityManager,
  userId: number,
  rawRequest: LeaderboardRequest,
  now: Date,
  mirror?: StandingsMirror,
): Promise<LeaderboardPage> {
  const request = parseInput(leaderboardRequestSchema, rawRequest);
  const { board, top, around } = request;
  const scope = scopeOf(board, request.scope, now);
  const view = await getLeaderboard(em, { board, scope, userId, top, around }, mirror);
  return { board, scope, ...view };
}

function scopeOf(board: Leaderboard, scope: string | undefined, now: Date): string {
  if (scope !== undefined) return scope;
  // The request schema already refuses this; kept so the types need no cast.
  if (board === 'quiz_best') {
    throw new DomainError('LEADERBOARD_QUERY_INVALID', 'BAD_INPUT', 'Best quiz scores need an exam type', {
      path: ['scope'],
    });
  }
  return currentLeaderboardScope(board, now);
}
