// The admin console's badges: rule badges (earned) and admin-granted ones (tag badges among them).
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { requiredText } from '../../shared/universal/admin-fields.ts';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { gameCodeSchema } from './admin-achievements.ts';
import { artworkPathSchema } from './artwork.ts';
import { badgeGrantInputSchema } from './badge-grants.ts';
import { criteriaSchema } from './criteria.ts';

const badgeFields = {
  name: requiredText(100),
  description: requiredText(2000),
  /** An emoji; a badge needs it or 64×64 art. */
  icon: z.string().trim().min(1).max(16).refine(withoutNul, NUL_MESSAGE).nullable(),
  /** Set by uploading artwork, or a PNG shipped with the site. */
  iconUrl64: artworkPathSchema.nullable(),
  iconUrl16: artworkPathSchema.nullable(),
  /** Shown next to the learner's name; needs 16×16 art. */
  isTagBadge: z.boolean(),
  /** The unlock rule; null means the badge is granted by an admin. */
  criteria: criteriaSchema.nullable(),
};

export const createBadgeInputSchema = z.object({
  code: gameCodeSchema(50),
  ...badgeFields,
  icon: badgeFields.icon.default(null),
  iconUrl64: badgeFields.iconUrl64.default(null),
  iconUrl16: badgeFields.iconUrl16.default(null),
  isTagBadge: badgeFields.isTagBadge.default(false),
  criteria: badgeFields.criteria.default(null),
});
export type CreateBadgeInput = z.input<typeof createBadgeInputSchema>;

/** Only the fields given change; the code stays. */
export const updateBadgeInputSchema = z
  .object({ id: entityIdSchema, ...badgeFields })
  .partial()
  .required({ id: true });
export type UpdateBadgeInput = z.input<typeof updateBadgeInputSchema>;

export const adminBadgeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string().nullable(),
  iconUrl64: z.string().nullable(),
  iconUrl16: z.string().nullable(),
  isTagBadge: z.boolean(),
  criteria: criteriaSchema.nullable(),
  createdAt: z.date(),
  /** Learners holding it. */
  holders: z.number().int(),
});
export type AdminBadge = z.infer<typeof adminBadgeSchema>;

/** What the admin sends to grant or revoke; who and when come from the request. */
export const adminBadgeGrantInputSchema = badgeGrantInputSchema.pick({
  userId: true,
  badgeCode: true,
  reason: true,
});
export type AdminBadgeGrantInput = z.input<typeof adminBadgeGrantInputSchema>;

export const BADGE_HOLDERS_PAGE_MAX = 100;

export const badgeHoldersInputSchema = z.object({
  badgeId: entityIdSchema,
  limit: z.number().int().min(1).max(BADGE_HOLDERS_PAGE_MAX).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type BadgeHoldersInput = z.input<typeof badgeHoldersInputSchema>;

export const badgeHoldersPageSchema = z.object({
  items: z.array(
    z.object({
      userId: z.number().int(),
      username: z.string(),
      unlockedAt: z.date(),
      /** The admin who granted it; null when earned by rule (or the admin's account is gone). */
      grantedBy: z.object({ id: z.number().int(), username: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type BadgeHoldersPage = z.infer<typeof badgeHoldersPageSchema>;
