// Avatars a learner can pick: the defaults, and the ones their achievements unlocked.
import { z } from 'zod';
import type { CriteriaProgress } from './criteria.ts';

// Mirrors seed-data/types.ts (server-only), which could import it from here.
export const AVATAR_RARITIES = ['common', 'rare', 'epic', 'legendary'] as const;

export const selectAvatarInputSchema = z.object({
  /** Null clears the choice (clients then show the first default avatar). */
  avatarId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
});
export type SelectAvatarInput = z.infer<typeof selectAvatarInputSchema>;

export const avatarUnlockSchema = z.object({
  achievementCode: z.string(),
  /** A hidden achievement keeps its secret until earned: no name, description or progress. */
  hidden: z.boolean(),
  achievementName: z.string().nullable(),
  achievementDescription: z.string().nullable(),
  progress: z.object({ current: z.number().int(), target: z.number().int() }).nullable(),
});

export const avatarViewSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  imageUrl: z.string(),
  rarity: z.enum(AVATAR_RARITIES).nullable(),
  isDefault: z.boolean(),
  unlocked: z.boolean(),
  /** When an achievement unlocked it; null for defaults and locked ones. */
  unlockedAt: z.date().nullable(),
  selected: z.boolean(),
  /** What unlocks it; null for the defaults. */
  unlockedBy: avatarUnlockSchema.nullable(),
});
export type AvatarView = z.infer<typeof avatarViewSchema>;

export const selectedAvatarSchema = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), imageUrl: z.string() })
  .nullable();
export type SelectedAvatar = z.infer<typeof selectedAvatarSchema>;

export interface AvatarFacts {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly description: string | null;
  readonly imageUrl: string;
  readonly rarity: (typeof AVATAR_RARITIES)[number] | null;
  readonly isDefault: boolean;
  readonly unlockedAt: Date | null;
  readonly selected: boolean;
  readonly achievement: {
    readonly code: string;
    readonly name: string;
    readonly description: string;
    readonly isHidden: boolean;
    readonly earned: boolean;
  } | null;
}

/** Locked or not, and what unlocks it, without giving away a hidden achievement. */
export function toAvatarView(avatar: AvatarFacts, progress: CriteriaProgress | null): AvatarView {
  const unlocked = avatar.isDefault || avatar.unlockedAt !== null;
  const achievement = avatar.achievement;
  const secret = achievement !== null && achievement.isHidden && !achievement.earned;
  return {
    id: avatar.id,
    code: avatar.code,
    name: avatar.name,
    // A locked avatar behind a hidden achievement may still describe it vaguely (seed text does).
    description: avatar.description,
    imageUrl: avatar.imageUrl,
    rarity: avatar.rarity,
    isDefault: avatar.isDefault,
    unlocked,
    unlockedAt: avatar.isDefault ? null : avatar.unlockedAt,
    selected: avatar.selected,
    unlockedBy:
      avatar.isDefault || achievement === null
        ? null
        : {
            achievementCode: secret ? 'hidden' : achievement.code,
            hidden: secret,
            achievementName: secret ? null : achievement.name,
            achievementDescription: secret ? null : achievement.description,
            progress:
              secret || progress === null
                ? null
                : unlocked
                  ? { current: progress.target, target: progress.target }
                  : { current: progress.current, target: progress.target },
          },
  };
}
