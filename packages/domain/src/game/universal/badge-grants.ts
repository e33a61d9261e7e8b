// Admin-granted badges (tag badges such as early-adopter) and the badges a learner holds.
import { z } from 'zod';
import { auditReasonSchema } from '../../audit/universal/audit-reason.ts';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';

const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const badgeGrantInputSchema = z.object({
  adminId: idSchema,
  userId: idSchema,
  badgeCode: z.string().trim().min(1).max(50).refine(withoutNul, NUL_MESSAGE),
  /** Kept in the audit trail: why this learner got (or lost) it. */
  reason: auditReasonSchema,
  now: z.date(),
  ip: z.string().max(64).nullish(),
});
export type BadgeGrantInput = z.input<typeof badgeGrantInputSchema>;

export const userBadgeSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string().nullable(),
  iconUrl64: z.string().nullable(),
  /** 16×16 art, present exactly for tag badges. */
  iconUrl16: z.string().nullable(),
  /** Shown next to the learner's name. */
  isTagBadge: z.boolean(),
  unlockedAt: z.date(),
  /** Granted by an admin rather than earned by rule. */
  granted: z.boolean(),
});
export type UserBadgeView = z.infer<typeof userBadgeSchema>;

export const badgeGrantResultSchema = z.object({
  /** False when there was nothing to do: already granted, or not held when revoking. */
  changed: z.boolean(),
  badge: userBadgeSchema.nullable(),
});
export type BadgeGrantResult = z.infer<typeof badgeGrantResultSchema>;
