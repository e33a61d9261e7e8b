import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import { byIdSchema, type ById, type Deleted } from '../../shared/universal/admin-fields.ts';
import type { ExamType } from '../../quiz/universal/exam-types.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createAchievementInputSchema,
  updateAchievementInputSchema,
  type AdminAchievement,
  type CreateAchievementInput,
  type UpdateAchievementInput,
} from '../universal/admin-achievements.ts';
import type { Criteria, CriteriaType } from '../universal/criteria.ts';
import { GAME_VIOLATIONS, gameNotFound } from './admin-game-errors.ts';

interface AchievementRow {
  id: string | number;
  code: string;
  name: string;
  description: string;
  category: AdminAchievement['category'];
  badge_icon_url: string | null;
  criteria_type: CriteriaType;
  criteria_value: number;
  criteria_exam_type: ExamType | null;
  xp_reward: number;
  display_order: number;
  is_hidden: boolean;
  created_at: Date;
  avatar_id: string | number | null;
  avatar_code: string | null;
  avatar_name: string | null;
  holders: number;
}

const toView = (row: AchievementRow): AdminAchievement => ({
  id: Number(row.id),
  code: row.code,
  name: row.name,
  description: row.description,
  category: row.category,
  iconUrl: row.badge_icon_url,
  criteria: {
    type: row.criteria_type,
    value: row.criteria_value,
    ...(row.criteria_exam_type ? { examType: row.criteria_exam_type } : {}),
  },
  xpReward: row.xp_reward,
  unlocksAvatar:
    row.avatar_id === null
      ? null
      : { id: Number(row.avatar_id), code: row.avatar_code ?? '', name: row.avatar_name ?? '' },
  displayOrder: row.display_order,
  isHidden: row.is_hidden,
  createdAt: new Date(row.created_at),
  holders: row.holders,
});

const ACHIEVEMENTS_SQL = `
  select a.*, av.id as avatar_id, av.code as avatar_code, av.name as avatar_name,
         (select count(*)::int from user_achievements ua where ua.achievement_id = a.id) as holders
    from achievements a left join avatars av on av.id = a.unlocks_avatar_id`;

/** Every achievement with its rule and how many learners hold it, by category and display order. */
export async function listAdminAchievements(em: EntityManager): Promise<AdminAchievement[]> {
  const rows = await em.execute<AchievementRow[]>(
    `${ACHIEVEMENTS_SQL} order by a.category, a.display_order, a.id`,
  );
  return rows.map(toView);
}

/** One achievement; NOT_FOUND (at `path`) for an unknown id. */
export async function requireAdminAchievement(
  em: EntityManager,
  id: number,
  path = 'id',
): Promise<AdminAchievement> {
  const [row] = await em.execute<AchievementRow[]>(`${ACHIEVEMENTS_SQL} where a.id = ?`, [id]);
  if (!row) throw gameNotFound('ACHIEVEMENT', path);
  return toView(row);
}

const criteriaColumns = (criteria: Criteria | undefined) =>
  criteria && {
    criteria_type: criteria.type,
    criteria_value: criteria.value,
    criteria_exam_type: criteria.examType ?? null,
  };

export async function createAchievement(
  em: EntityManager,
  actor: AdminActor,
  rawInput: CreateAchievementInput,
): Promise<AdminAchievement> {
  const input = parseInput(createAchievementInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const id = await insertRow(tx, 'achievements', {
        code: input.code,
        name: input.name,
        description: input.description,
        category: input.category,
        badge_icon_url: input.iconUrl,
        ...criteriaColumns(input.criteria),
        xp_reward: input.xpReward,
        unlocks_avatar_id: input.unlocksAvatarId,
        display_order: input.displayOrder,
        is_hidden: input.isHidden,
        created_at: actor.now,
      });
      const after = await requireAdminAchievement(tx, id);
      return {
        result: after,
        audit: { action: 'achievement.create', entityType: 'achievement', entityId: id, before: null, after },
      };
    },
    GAME_VIOLATIONS,
  );
}

/** Edits the given fields; the code stays (ledger keys use it). Awards already made stay too. */
export async function updateAchievement(
  em: EntityManager,
  actor: AdminActor,
  rawInput: UpdateAchievementInput,
): Promise<AdminAchievement> {
  const input = parseInput(updateAchievementInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from achievements where id = ? for no key update', [input.id]);
      const before = await requireAdminAchievement(tx, input.id);
      await patchRow(tx, 'achievements', input.id, {
        name: input.name,
        description: input.description,
        category: input.category,
        badge_icon_url: input.iconUrl,
        ...criteriaColumns(input.criteria),
        xp_reward: input.xpReward,
        unlocks_avatar_id: input.unlocksAvatarId,
        display_order: input.displayOrder,
        is_hidden: input.isHidden,
      });
      const after = await requireAdminAchievement(tx, input.id);
      return {
        result: after,
        audit: updateAudit('achievement.update', 'achievement', input.id, before, after),
      };
    },
    GAME_VIOLATIONS,
  );
}

/**
 * Deletes an achievement nobody has earned yet (a draft, a mistake). Once learners hold it, their
 * awards and the XP they brought are history: deleting would cascade their award rows away while
 * the ledger keeps the XP, so it is refused; hide it instead.
 */
export async function deleteAchievement(
  em: EntityManager,
  actor: AdminActor,
  rawInput: ById,
): Promise<Deleted> {
  const { id } = parseInput(byIdSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from achievements where id = ? for update', [id]);
      const before = await requireAdminAchievement(tx, id);
      if (before.holders > 0) {
        throw new DomainError(
          'ACHIEVEMENT_EARNED',
          'PRECONDITION_FAILED',
          `${before.holders} learner(s) earned this achievement: it cannot be deleted (hide it instead)`,
          { path: ['id'] },
        );
      }
      await tx.execute('delete from achievements where id = ?', [id]);
      return {
        result: { id, deleted: true as const },
        audit: { action: 'achievement.delete', entityType: 'achievement', entityId: id, before, after: null },
      };
    },
    GAME_VIOLATIONS,
  );
}
