import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExamType } from '../../quiz/universal/exam-types.ts';
import { criteriaProgress, type Criteria, type CriteriaType } from '../universal/criteria.ts';
import { grantXp } from './grant-xp.ts';
import { readPlayerStats } from './read-player-stats.ts';

interface RuleRow {
  id: string | number;
  code: string;
  criteria_type: CriteriaType;
  criteria_value: number;
  criteria_exam_type: ExamType | null;
  xp_reward?: number;
  unlocks_avatar_id?: string | number | null;
}

export interface Unlocks {
  readonly achievements: readonly string[];
  readonly badges: readonly string[];
}

const criteriaOf = (row: RuleRow): Criteria => ({
  type: row.criteria_type,
  value: row.criteria_value,
  ...(row.criteria_exam_type ? { examType: row.criteria_exam_type } : {}),
});

/**
 * Awards every achievement and rule badge the learner now meets, each exactly once (the keys of
 * user_achievements and user_badges decide), with its XP through the ledger and its avatar.
 * Achievement XP can meet further rules (xp_total, level_reached), so it repeats until stable.
 */
export async function awardUnlocks(
  em: EntityManager,
  userId: number,
  now: Date,
  timeZone: string,
): Promise<Unlocks> {
  const achievements: string[] = [];
  const badges: string[] = [];
  for (let round = 0; round < 5; round += 1) {
    const stats = await readPlayerStats(em, userId);
    const pending = await em.execute<RuleRow[]>(
      `select a.id, a.code, a.criteria_type, a.criteria_value, a.criteria_exam_type, a.xp_reward, a.unlocks_avatar_id
         from achievements a
        where not exists (select 1 from user_achievements ua where ua.user_id = ? and ua.achievement_id = a.id)`,
      [userId],
    );
    let grantedXp = false;
    for (const rule of pending) {
      const progress = criteriaProgress(criteriaOf(rule), stats);
      if (!progress.met) continue;
      const inserted = await em.execute<{ achievement_id: string }[]>(
        `insert into user_achievements (user_id, achievement_id, earned_at, progress_value) values (?, ?, ?, ?)
         on conflict do nothing returning achievement_id`,
        [userId, rule.id, now, progress.current],
      );
      if (!inserted.length) continue;
      achievements.push(rule.code);
      if (rule.unlocks_avatar_id) {
        await em.execute(
          'insert into user_avatars (user_id, avatar_id, unlocked_at) values (?, ?, ?) on conflict do nothing',
          [userId, rule.unlocks_avatar_id, now],
        );
      }
      if (rule.xp_reward && rule.xp_reward > 0) {
        const grant = await grantXp(em, {
          userId,
          amount: rule.xp_reward,
          source: 'achievement',
          sourceRef: rule.code,
          idempotencyKey: `achievement:${rule.code}`,
          occurredAt: now,
          timeZone,
        });
        grantedXp ||= grant.granted;
      }
    }
    const badgeRules = await em.execute<RuleRow[]>(
      `select b.id, b.code, b.criteria_type, b.criteria_value, b.criteria_exam_type from badges b
        where b.criteria_type is not null
          and not exists (select 1 from user_badges ub where ub.user_id = ? and ub.badge_id = b.id)`,
      [userId],
    );
    for (const rule of badgeRules) {
      if (!criteriaProgress(criteriaOf(rule), stats).met) continue;
      const inserted = await em.execute<{ id: string }[]>(
        `insert into user_badges (user_id, badge_id, unlocked_at) values (?, ?, ?) on conflict do nothing returning id`,
        [userId, rule.id, now],
      );
      if (inserted.length) badges.push(rule.code);
    }
    if (!grantedXp) break;
  }
  return { achievements, badges };
}
