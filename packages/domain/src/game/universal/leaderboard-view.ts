// What a leaderboard read takes and returns. Scopes: `all` for all-time XP, an ISO week in UTC
// (`2026-W48`, see isoWeekOf) for weekly XP, an exam type for best quiz scores.
import { z } from 'zod';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';
import { isoWeekOf, LEADERBOARDS, type Leaderboard } from './leaderboards.ts';

export const LEADERBOARD_LIMITS = { maxTop: 100, defaultTop: 10, maxAround: 10, defaultAround: 2 } as const;

const ISO_WEEK_SCOPE = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

export function isValidLeaderboardScope(board: Leaderboard, scope: string): boolean {
  switch (board) {
    case 'xp_all_time':
      return scope === 'all';
    case 'xp_weekly':
      return ISO_WEEK_SCOPE.test(scope);
    case 'quiz_best':
      return (EXAM_TYPES as readonly string[]).includes(scope);
  }
}

/** The scope a board shows by default at `now`; best quiz scores need an exam type instead. */
export function currentLeaderboardScope(board: Exclude<Leaderboard, 'quiz_best'>, now: Date): string {
  return board === 'xp_all_time' ? 'all' : isoWeekOf(now);
}

/**
 * What a learner asks for: without a scope, all-time shows "all" and weekly the current week;
 * best quiz scores always name their exam type.
 */
export const leaderboardRequestSchema = z
  .object({
    board: z.enum(LEADERBOARDS),
    scope: z.string().max(32).optional(),
    top: z.int().min(1).max(LEADERBOARD_LIMITS.maxTop).default(LEADERBOARD_LIMITS.defaultTop),
    around: z.int().min(0).max(LEADERBOARD_LIMITS.maxAround).default(LEADERBOARD_LIMITS.defaultAround),
  })
  .refine(
    (request) =>
      request.scope === undefined
        ? request.board !== 'quiz_best'
        : isValidLeaderboardScope(request.board, request.scope),
    {
      message: 'all-time takes "all", weekly an ISO week like 2026-W48, best quiz scores an exam type',
      path: ['scope'],
    },
  );
export type LeaderboardRequest = z.input<typeof leaderboardRequestSchema>;

export const leaderboardEntrySchema = z.object({
  rank: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  score: z.number(),
  avatarUrl: z.string().nullable(),
});
export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;

export const leaderboardViewSchema = z.object({
  top: z.array(leaderboardEntrySchema),
  /** The learner's own place; null when they have no standing on this board yet. */
  me: z.object({ rank: z.number().int(), score: z.number() }).nullable(),
  /** A few standings above and below the learner's, their own included, best first. */
  neighbours: z.array(leaderboardEntrySchema),
});
export type LeaderboardView = z.infer<typeof leaderboardViewSchema>;

/** A board as shown, with the board and scope it answers for (a default scope resolved). */
export const leaderboardPageSchema = leaderboardViewSchema.extend({
  board: z.enum(LEADERBOARDS),
  scope: z.string(),
});
export type LeaderboardPage = z.infer<typeof leaderboardPageSchema>;
