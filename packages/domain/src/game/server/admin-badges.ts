import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import type { ExamType } from '../../quiz/universal/exam-types.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createBadgeInputSchema,
  updateBadgeInputSchema,
  type AdminBadge,
  type CreateBadgeInput,
  type UpdateBadgeInput,
} from '../universal/admin-badges.ts';
import type { Criteria, CriteriaType } from '../universal/criteria.ts';
import { GAME_VIOLATIONS, gameNotFound } from './admin-game-errors.ts';

interface BadgeRow {
  id: string | number;
  code: string;
  name: string;
  description: string;
  icon: string | null;
  icon_url_64: string | null;
  icon_url_16: string | null;
  is_tag_badge: boolean;
  criteria_type: CriteriaType | null;
  criteria_value: number | null;
  criteria_exam_type: ExamType | null;
  created_at: Date;
  holders: number;
}

const toView = (row: BadgeRow): AdminBadge => ({
  id: Number(row.id),
  code: row.code,
  name: row.name,
  description: row.description,
  icon: row.icon,
  iconUrl64: row.icon_url_64,
  iconUrl16: row.icon_url_16,
  isTagBadge: row.is_tag_badge,
  criteria:
    row.criteria_type === null || row.criteria_value === null
      ? null
      : {
          type: row.criteria_type,
          value: row.criteria_value,
          ...(row.criteria_exam_type ? { examType: row.criteria_exam_type } : {}),
        },
  createdAt: new Date(row.created_at),
  holders: row.holders,
});

const BADGES_SQL = `
  select b.*, (select count(*)::int from user_badges ub where ub.badge_id = b.id) as holders from badges b`;

export async function listAdminBadges(em: EntityManager): Promise<AdminBadge[]> {
  const rows = await em.execute<BadgeRow[]>(`${BADGES_SQL} order by b.is_tag_badge, b.code`);
  return rows.map(toView);
}

/** One badge; NOT_FOUND (at `path`) for an unknown id. */
export async function requireAdminBadge(em: EntityManager, id: number, path = 'id'): Promise<AdminBadge> {
  const [row] = await em.execute<BadgeRow[]>(`${BADGES_SQL} where b.id = ?`, [id]);
  if (!row) throw gameNotFound('BADGE', path);
  return toView(row);
}

// Undefined leaves the rule alone; null makes the badge admin-granted.
const criteriaColumns = (criteria: Criteria | null | undefined) =>
  criteria === undefined
    ? {}
    : {
        criteria_type: criteria?.type ?? null,
        criteria_value: criteria?.value ?? null,
        criteria_exam_type: criteria?.examType ?? null,
      };

export async function createBadge(
  em: EntityManager,
  actor: AdminActor,
  rawInput: CreateBadgeInput,
): Promise<AdminBadge> {
  const input = parseInput(createBadgeInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const id = await insertRow(tx, 'badges', {
        code: input.code,
        name: input.name,
        description: input.description,
        icon: input.icon,
        icon_url_64: input.iconUrl64,
        icon_url_16: input.iconUrl16,
        is_tag_badge: input.isTagBadge,
        ...criteriaColumns(input.criteria),
        created_at: actor.now,
      });
      const after = await requireAdminBadge(tx, id);
      return {
        result: after,
        audit: { action: 'badge.create', entityType: 'badge', entityId: id, before: null, after },
      };
    },
    GAME_VIOLATIONS,
  );
}

/**
 * Edits the given fields. A changed rule applies from each learner's next event on; badges
 * already held stay held.
 */
export async function updateBadge(
  em: EntityManager,
  actor: AdminActor,
  rawInput: UpdateBadgeInput,
): Promise<AdminBadge> {
  const input = parseInput(updateBadgeInputSchema, rawInput);
  return patchBadge(em, actor, input.id, 'id', 'badge.update', {
    name: input.name,
    description: input.description,
    icon: input.icon,
    icon_url_64: input.iconUrl64,
    icon_url_16: input.iconUrl16,
    is_tag_badge: input.isTagBadge,
    ...criteriaColumns(input.criteria),
  });
}

/** Sets some of a badge's columns under its row lock, audited when anything changed. */
export function patchBadge(
  em: EntityManager,
  actor: AdminActor,
  id: number,
  idPath: string,
  action: string,
  patch: Parameters<typeof patchRow>[3],
): Promise<AdminBadge> {
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from badges where id = ? for no key update', [id]);
      const before = await requireAdminBadge(tx, id, idPath);
      await patchRow(tx, 'badges', id, patch);
      const after = await requireAdminBadge(tx, id, idPath);
      return { result: after, audit: updateAudit(action, 'badge', id, before, after) };
    },
    GAME_VIOLATIONS,
  );
}
