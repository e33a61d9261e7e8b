import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  achievementBackfillInputSchema,
  achievementDryRunInputSchema,
  type AchievementBackfill,
  type AchievementBackfillInput,
  type AchievementDryRun,
  type AchievementDryRunInput,
} from '../universal/admin-achievements.ts';
import { requireAdminAchievement } from './admin-achievements.ts';
import { qualifyingLearnersQuery } from './criteria-measures.ts';
import { grantXp } from './grant-xp.ts';

/**
 * How many learners a rule would newly award if it were backfilled now: a stored achievement's
 * rule (minus those who hold it already) or a draft rule. One set-based statement over the
 * population, never a loop over learners.
 */
export async function dryRunAchievement(
  em: EntityManager,
  rawInput: AchievementDryRunInput,
): Promise<AchievementDryRun> {
  const input = parseInput(achievementDryRunInputSchema, rawInput);
  const achievementId = input.id ?? null;
  // The schema lets exactly one through: a draft rule, or the id of a stored one.
  const criteria =
    input.criteria ??
    (achievementId !== null ? (await requireAdminAchievement(em, achievementId)).criteria : null);
  if (!criteria) throw new Error('dry run without a rule');
  const qualifying = qualifyingLearnersQuery(criteria);
  const [row] = await em.execute<{ learners: number; qualifying: number; already_holding: number }[]>(
    `select (select count(*)::int from user_profiles) as learners,
            count(q.user_id)::int as qualifying,
            count(ua.user_id)::int as already_holding
       from (${qualifying.sql}) q
       left join user_achievements ua on ua.user_id = q.user_id and ua.achievement_id = ?`,
    [...qualifying.params, achievementId],
  );
  const counts = row ?? { learners: 0, qualifying: 0, already_holding: 0 };
  return {
    learners: counts.learners,
    qualifying: counts.qualifying,
    alreadyHolding: counts.already_holding,
    wouldUnlock: counts.qualifying - counts.already_holding,
  };
}

export interface AchievementBackfillOutcome extends AchievementBackfill {
  /** The learners awarded: their standings and cached stats need publishing after commit. */
  readonly awardedUserIds: readonly number[];
}

/**
 * Awards a stored achievement to every learner who meets its rule and lacks it, exactly once
 * (the award's primary key and the ledger's idempotency key decide), with its avatar and its XP
 * through the ledger as awardUnlocks grants them, and one audit row with the counts. A repeat
 * awards nobody. XP that now meets further rules is awarded at each learner's next event.
 */
export async function backfillAchievement(
  em: EntityManager,
  actor: AdminActor,
  rawInput: AchievementBackfillInput,
): Promise<AchievementBackfillOutcome> {
  const input = parseInput(achievementBackfillInputSchema, rawInput);
  return auditedChange(em, actor, async (tx) => {
    // Holding the row's lock keeps its rule still and makes a concurrent backfill wait, then award nobody.
    await tx.execute('select id from achievements where id = ? for update', [input.id]);
    const achievement = await requireAdminAchievement(tx, input.id);
    const qualifying = qualifyingLearnersQuery(achievement.criteria);
    const avatarId = achievement.unlocksAvatar?.id ?? null;
    // A learner's rewarding transaction locks their profile before it awards achievements; taking
    // the same profile locks first (in id order) means the two wait for each other, never deadlock.
    await tx.execute(
      `select p.user_id from user_profiles p
        where p.user_id in (select q.user_id from (${qualifying.sql}) q)
          and not exists (select 1 from user_achievements ua where ua.user_id = p.user_id and ua.achievement_id = ?)
        order by p.user_id for update`,
      [...qualifying.params, input.id],
    );
    const awarded = await tx.execute<
      { user_id: string | number; timezone: string; avatars_unlocked: number }[]
    >(
      `with awarded as (
         insert into user_achievements (user_id, achievement_id, earned_at, progress_value)
         select q.user_id, ?, ?, least(q.measure, ?) from (${qualifying.sql}) q
         on conflict do nothing
         returning user_id),
       avatars as (
         insert into user_avatars (user_id, avatar_id, unlocked_at)
         select user_id, ?::bigint, ? from awarded where ?::bigint is not null
         on conflict do nothing
         returning user_id)
       select a.user_id, u.timezone, (select count(*)::int from avatars) as avatars_unlocked
         from awarded a join users u on u.id = a.user_id
        order by a.user_id`,
      [input.id, actor.now, achievement.criteria.value, ...qualifying.params, avatarId, actor.now, avatarId],
    );
    let xpGranted = 0;
    if (achievement.xpReward > 0) {
      for (const learner of awarded) {
        const grant = await grantXp(tx, {
          userId: Number(learner.user_id),
          amount: achievement.xpReward,
          source: 'achievement',
          sourceRef: achievement.code,
          idempotencyKey: `achievement:${achievement.code}`,
          occurredAt: actor.now,
          timeZone: learner.timezone,
        });
        if (grant.granted) xpGranted += achievement.xpReward;
      }
    }
    const result = {
      id: achievement.id,
      code: achievement.code,
      awarded: awarded.length,
      xpGranted,
      avatarsUnlocked: awarded[0]?.avatars_unlocked ?? 0,
      awardedUserIds: awarded.map((learner) => Number(learner.user_id)),
    };
    const counts = { awarded: result.awarded, xpGranted, avatarsUnlocked: result.avatarsUnlocked };
    return {
      result,
      audit: {
        action: 'achievement.backfill',
        entityType: 'achievement',
        entityId: achievement.id,
        before: { holders: achievement.holders, criteria: achievement.criteria },
        after: { holders: achievement.holders + result.awarded, criteria: achievement.criteria, ...counts },
        reason: input.reason ?? null,
      },
    };
  });
}
