import { z } from 'zod';
import type { CriteriaProgress } from './criteria.ts';

export const achievementViewSchema = z.object({
  code: z.string(),
  /** Hidden and not yet earned: no name, description or progress is shown. */
  hidden: z.boolean(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  iconUrl: z.string().nullable(),
  xpReward: z.number().int(),
  earnedAt: z.date().nullable(),
  progress: z.object({ current: z.number().int(), target: z.number().int() }).nullable(),
  unlocksAvatar: z.string().nullable(),
});
export type AchievementView = z.infer<typeof achievementViewSchema>;

export interface AchievementFacts {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly iconUrl: string | null;
  readonly xpReward: number;
  readonly isHidden: boolean;
  readonly unlocksAvatar: string | null;
}

/** What a learner may see of an achievement: locked ones show progress (7/10), hidden ones nothing. */
export function toAchievementView(
  achievement: AchievementFacts,
  progress: CriteriaProgress,
  earnedAt: Date | null,
): AchievementView {
  if (achievement.isHidden && !earnedAt) {
    return {
      code: achievement.code,
      hidden: true,
      name: 'Hidden achievement',
      description: 'Keep playing to discover it.',
      category: achievement.category,
      iconUrl: null,
      xpReward: 0,
      earnedAt: null,
      progress: null,
      unlocksAvatar: null,
    };
  }
  return {
    code: achievement.code,
    hidden: false,
    name: achievement.name,
    description: achievement.description,
    category: achievement.category,
    iconUrl: achievement.iconUrl,
    xpReward: achievement.xpReward,
    earnedAt,
    progress: earnedAt
      ? { current: progress.target, target: progress.target }
      : { current: progress.current, target: progress.target },
    unlocksAvatar: achievement.unlocksAvatar,
  };
}
