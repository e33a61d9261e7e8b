import { ACHIEVEMENT_CATEGORIES } from '../../universal/admin-achievements.ts';
import type { Criteria } from '../../universal/criteria.ts';

export { ACHIEVEMENT_CATEGORIES };
export type AchievementCategory = (typeof ACHIEVEMENT_CATEGORIES)[number];

export const AVATAR_RARITIES = ['common', 'rare', 'epic', 'legendary'] as const;
export type AvatarRarity = (typeof AVATAR_RARITIES)[number];

export interface SeedAchievement {
  /** Stable identifier, e.g. `first_quiz`. */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly category: AchievementCategory;
  readonly criteria: Criteria;
  readonly xpReward: number;
  readonly isHidden: boolean;
  readonly displayOrder: number;
  /** Path under apps/web/public, served at `/${path}` (64×64 PNG). */
  readonly badgeIconPath: string;
}

export interface SeedAvatar {
  /** Stable identifier, e.g. `owl-scholar`. */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly rarity: AvatarRarity;
  readonly isDefault: boolean;
  /** Code of the achievement that unlocks it; none for the common defaults. */
  readonly requiredAchievement?: string;
  readonly displayOrder: number;
  /** Path under apps/web/public (64×64 PNG). */
  readonly imagePath: string;
}

export interface SeedBadge {
  /** `STREAK_3`, `early-adopter` … */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly icon?: string;
  /** Paths under apps/web/public: 64×64 always, 16×16 for tag badges. */
  readonly iconPath64: string;
  readonly iconPath16?: string;
  readonly isTagBadge: boolean;
  /** Unlock rule; none means admin-granted. */
  readonly criteria?: Criteria;
}
