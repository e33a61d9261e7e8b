// Maintenance: recomputing stored streaks and leaderboard standings from their sources.
import { z } from 'zod';

const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const countSchema = z.number().int().nonnegative();

/** Who runs a recomputation, for the audit trail. */
export const maintenanceActorSchema = z.object({
  adminId: idSchema,
  now: z.date(),
  ip: z.string().max(64).nullish(),
});

export const recomputeStreaksInputSchema = z.object({
  /** One learner; every learner when absent. */
  userId: idSchema.optional(),
});
export type RecomputeStreaksInput = z.input<typeof recomputeStreaksInputSchema>;

export const recomputeStreaksResultSchema = z.object({
  /** Users looked at. */
  users: countSchema,
  /** Profiles whose study streak (current, longest, freezes, last practice) was wrong and is now fixed. */
  studyStreaksChanged: countSchema,
  habits: countSchema,
  habitStreaksChanged: countSchema,
});
export type RecomputeStreaksResult = z.infer<typeof recomputeStreaksResultSchema>;

export const MIRROR_OUTCOMES = ['absent', 'rebuilt', 'failed'] as const;

export const recomputeStandingsResultSchema = z.object({
  /** Standings on every board once rebuilt. */
  standings: countSchema,
  inserted: countSchema,
  updated: countSchema,
  deleted: countSchema,
  /** The Redis copy: not configured, rebuilt from the table, or unreachable (the table still serves). */
  mirror: z.enum(MIRROR_OUTCOMES),
  /** Standings copied to the mirror (the boards learners can see now). */
  mirrored: countSchema,
});
export type RecomputeStandingsResult = z.infer<typeof recomputeStandingsResultSchema>;
