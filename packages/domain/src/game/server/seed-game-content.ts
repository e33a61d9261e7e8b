import type { EntityManager } from '@mikro-orm/postgresql';
import { upsertRow } from '../../database/server/upsert.ts';
import { SEED_ACHIEVEMENTS } from './seed-data/achievements.ts';
import { SEED_AVATARS } from './seed-data/avatars.ts';
import { SEED_BADGES } from './seed-data/badges.ts';

export interface GameContentSeedResult {
  readonly achievements: number;
  readonly avatars: number;
  readonly badges: number;
}

/** Achievements, the avatars they unlock, and badges, upserted by code. */
export async function seedGameContent(em: EntityManager): Promise<GameContentSeedResult> {
  return em.transactional(async (tx) => {
    // Avatars and achievements point at each other: avatars first, then achievements, then the
    // avatars' side of the link.
    const avatarIds = new Map<string, number>();
    for (const avatar of SEED_AVATARS) {
      const id = await upsertRow(tx, {
        table: 'avatars',
        key: ['code'],
        values: {
          code: avatar.code,
          name: avatar.name,
          description: avatar.description,
          image_url: `/${avatar.imagePath}`,
          is_default: avatar.isDefault,
          rarity: avatar.rarity,
          display_order: avatar.displayOrder,
        },
      });
      avatarIds.set(avatar.code, id);
    }
    const unlockedBy = new Map(
      SEED_AVATARS.flatMap((avatar) =>
        avatar.requiredAchievement ? [[avatar.requiredAchievement, avatar.code]] : [],
      ),
    );
    const achievementIds = new Map<string, number>();
    for (const achievement of SEED_ACHIEVEMENTS) {
      const avatarCode = unlockedBy.get(achievement.code);
      const id = await upsertRow(tx, {
        table: 'achievements',
        key: ['code'],
        values: {
          code: achievement.code,
          name: achievement.name,
          description: achievement.description,
          category: achievement.category,
          badge_icon_url: `/${achievement.badgeIconPath}`,
          criteria_type: achievement.criteria.type,
          criteria_value: achievement.criteria.value,
          criteria_exam_type: achievement.criteria.examType ?? null,
          xp_reward: achievement.xpReward,
          unlocks_avatar_id: avatarCode ? (avatarIds.get(avatarCode) ?? null) : null,
          display_order: achievement.displayOrder,
          is_hidden: achievement.isHidden,
        },
      });
      achievementIds.set(achievement.code, id);
    }
    for (const avatar of SEED_AVATARS) {
      const requiredId = avatar.requiredAchievement
        ? achievementIds.get(avatar.requiredAchievement)
        : undefined;
      if (avatar.requiredAchievement && requiredId === undefined) {
        throw new Error(`avatar ${avatar.code} needs unknown achievement ${avatar.requiredAchievement}`);
      }
      await tx.execute(
        'update avatars set required_achievement_id = ? where code = ? and required_achievement_id is distinct from ?',
        [requiredId ?? null, avatar.code, requiredId ?? null],
      );
    }
    for (const badge of SEED_BADGES) {
      await upsertRow(tx, {
        table: 'badges',
        key: ['code'],
        values: {
          code: badge.code,
          name: badge.name,
          description: badge.description,
          icon: badge.icon ?? null,
          icon_url_64: `/${badge.iconPath64}`,
          icon_url_16: badge.iconPath16 ? `/${badge.iconPath16}` : null,
          is_tag_badge: badge.isTagBadge,
          criteria_type: badge.criteria?.type ?? null,
          criteria_value: badge.criteria?.value ?? null,
          criteria_exam_type: badge.criteria?.examType ?? null,
        },
      });
    }
    return { achievements: achievementIds.size, avatars: avatarIds.size, badges: SEED_BADGES.length };
  });
}
