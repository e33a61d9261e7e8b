// The admin console's avatars: the defaults every learner may pick and the ones achievements unlock.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { requiredText } from '../../shared/universal/admin-fields.ts';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { gameCodeSchema } from './admin-achievements.ts';
import { artworkPathSchema } from './artwork.ts';
import { AVATAR_RARITIES } from './avatars.ts';

const avatarFields = {
  name: requiredText(100),
  description: z.string().trim().max(2000).refine(withoutNul, NUL_MESSAGE).nullable(),
  imageUrl: artworkPathSchema,
  /** Every learner may pick a default avatar from the start. */
  isDefault: z.boolean(),
  /** The achievement that unlocks it (shown as what to do to get it). */
  requiredAchievementId: entityIdSchema.nullable(),
  rarity: z.enum(AVATAR_RARITIES).nullable(),
  displayOrder: z.number().int().min(0).max(100_000),
};

export const createAvatarInputSchema = z.object({
  code: gameCodeSchema(64),
  ...avatarFields,
  description: avatarFields.description.default(null),
  isDefault: avatarFields.isDefault.default(false),
  requiredAchievementId: avatarFields.requiredAchievementId.default(null),
  rarity: avatarFields.rarity.default(null),
  displayOrder: avatarFields.displayOrder.default(0),
});
export type CreateAvatarInput = z.input<typeof createAvatarInputSchema>;

/** Only the fields given change; the code stays. */
export const updateAvatarInputSchema = z
  .object({ id: entityIdSchema, ...avatarFields })
  .partial()
  .required({ id: true });
export type UpdateAvatarInput = z.input<typeof updateAvatarInputSchema>;

export const adminAvatarSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  imageUrl: z.string(),
  isDefault: z.boolean(),
  rarity: z.enum(AVATAR_RARITIES).nullable(),
  displayOrder: z.number().int(),
  requiredAchievement: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  /** Learners who unlocked it. */
  unlockedBy: z.number().int(),
  /** Learners showing it now. */
  selectedBy: z.number().int(),
});
export type AdminAvatar = z.infer<typeof adminAvatarSchema>;
