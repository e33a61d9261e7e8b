import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExamType } from '../../quiz/universal/exam-types.ts';
import { toAchievementView, type AchievementView } from '../universal/achievement-view.ts';
import { criteriaProgress, type CriteriaType } from '../universal/criteria.ts';
import { readPlayerStats } from './read-player-stats.ts';

interface AchievementRow {
  code: string;
  name: string;
  description: string;
  category: string;
  badge_icon_url: string | null;
  xp_reward: number;
  is_hidden: boolean;
  criteria_type: CriteriaType;
  criteria_value: number;
  criteria_exam_type: ExamType | null;
  avatar_code: string | null;
  earned_at: Date | null;
}

/** Every achievement as this learner may see it, earned first by date, then by display order. */
export async function listAchievements(em: EntityManager, userId: number): Promise<AchievementView[]> {
  const [stats, rows] = await Promise.all([
    readPlayerStats(em, userId),
    em.execute<AchievementRow[]>(
      `select a.code, a.name, a.description, a.category, a.badge_icon_url, a.xp_reward, a.is_hidden,
              a.criteria_type, a.criteria_value, a.criteria_exam_type, av.code as avatar_code, ua.earned_at
         from achievements a
         left join avatars av on av.id = a.unlocks_avatar_id
         left join user_achievements ua on ua.achievement_id = a.id and ua.user_id = ?
        order by ua.earned_at is null, ua.earned_at desc, a.category, a.display_order`,
      [userId],
    ),
  ]);
  return rows.map((row) =>
    toAchievementView(
      {
        code: row.code,
        name: row.name,
        description: row.description,
        category: row.category,
        iconUrl: row.badge_icon_url,
        xpReward: row.xp_reward,
        isHidden: row.is_hidden,
        unlocksAvatar: row.avatar_code,
      },
      criteriaProgress(
        {
          type: row.criteria_type,
          value: row.criteria_value,
          ...(row.criteria_exam_type ? { examType: row.criteria_exam_type } : {}),
        },
        stats,
      ),
      row.earned_at ? new Date(row.earned_at) : null,
    ),
  );
}
