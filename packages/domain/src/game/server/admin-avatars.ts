import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import { byIdSchema, type ById, type Deleted } from '../../shared/universal/admin-fields.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createAvatarInputSchema,
  updateAvatarInputSchema,
  type AdminAvatar,
  type CreateAvatarInput,
  type UpdateAvatarInput,
} from '../universal/admin-avatars.ts';
import { GAME_VIOLATIONS, gameNotFound } from './admin-game-errors.ts';

// Avatars hold learners' choices: deleting one removes its unlocks and clears it wherever it is
// selected (the learner's profile falls back to the first default avatar, as for a learner who
// never chose). What must not happen is a platform with no default avatar at all, so the last
// default can be neither deleted nor made non-default.

interface AvatarRow {
  id: string | number;
  code: string;
  name: string;
  description: string | null;
  image_url: string;
  is_default: boolean;
  rarity: AdminAvatar['rarity'];
  display_order: number;
  created_at: Date;
  achievement_id: string | number | null;
  achievement_code: string | null;
  achievement_name: string | null;
  unlocked_by: number;
  selected_by: number;
}

const toView = (row: AvatarRow): AdminAvatar => ({
  id: Number(row.id),
  code: row.code,
  name: row.name,
  description: row.description,
  imageUrl: row.image_url,
  isDefault: row.is_default,
  rarity: row.rarity,
  displayOrder: row.display_order,
  requiredAchievement:
    row.achievement_id === null
      ? null
      : {
          id: Number(row.achievement_id),
          code: row.achievement_code ?? '',
          name: row.achievement_name ?? '',
        },
  createdAt: new Date(row.created_at),
  unlockedBy: row.unlocked_by,
  selectedBy: row.selected_by,
});

const AVATARS_SQL = `
  select a.*, ach.id as achievement_id, ach.code as achievement_code, ach.name as achievement_name,
         (select count(*)::int from user_avatars ua where ua.avatar_id = a.id) as unlocked_by,
         (select count(*)::int from user_profiles p where p.selected_avatar_id = a.id) as selected_by
    from avatars a left join achievements ach on ach.id = a.required_achievement_id`;

export async function listAdminAvatars(em: EntityManager): Promise<AdminAvatar[]> {
  const rows = await em.execute<AvatarRow[]>(`${AVATARS_SQL} order by a.display_order, a.id`);
  return rows.map(toView);
}

async function requireAvatar(em: EntityManager, id: number): Promise<AdminAvatar> {
  const [row] = await em.execute<AvatarRow[]>(`${AVATARS_SQL} where a.id = ?`, [id]);
  if (!row) throw gameNotFound('AVATAR', 'id');
  return toView(row);
}

/**
 * Locks the default avatars (always first, in id order, so two changes of defaults cannot
 * deadlock) and refuses when `avatarId` is the only one left.
 */
async function refuseLastDefault(em: EntityManager, avatarId: number, path: string): Promise<void> {
  const defaults = await em.execute<{ id: string }[]>(
    'select id from avatars where is_default order by id for update',
  );
  if (defaults.length === 1 && Number(defaults[0]?.id) === avatarId) {
    throw new DomainError(
      'LAST_DEFAULT_AVATAR',
      'PRECONDITION_FAILED',
      'Learners need at least one default avatar',
      {
        path: [path],
      },
    );
  }
}

export async function createAvatar(
  em: EntityManager,
  actor: AdminActor,
  rawInput: CreateAvatarInput,
): Promise<AdminAvatar> {
  const input = parseInput(createAvatarInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const id = await insertRow(tx, 'avatars', {
        code: input.code,
        name: input.name,
        description: input.description,
        image_url: input.imageUrl,
        is_default: input.isDefault,
        required_achievement_id: input.requiredAchievementId,
        rarity: input.rarity,
        display_order: input.displayOrder,
        created_at: actor.now,
      });
      const after = await requireAvatar(tx, id);
      return {
        result: after,
        audit: { action: 'avatar.create', entityType: 'avatar', entityId: id, before: null, after },
      };
    },
    GAME_VIOLATIONS,
  );
}

/**
 * Edits the given fields. Making a default avatar non-default also clears it for the learners who
 * picked it as a default without unlocking it: it is no longer theirs to show.
 */
export async function updateAvatar(
  em: EntityManager,
  actor: AdminActor,
  rawInput: UpdateAvatarInput,
): Promise<AdminAvatar> {
  const input = parseInput(updateAvatarInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      if (input.isDefault === false) await refuseLastDefault(tx, input.id, 'isDefault');
      await tx.execute('select id from avatars where id = ? for no key update', [input.id]);
      const before = await requireAvatar(tx, input.id);
      const losesDefault = before.isDefault && input.isDefault === false;
      await patchRow(tx, 'avatars', input.id, {
        name: input.name,
        description: input.description,
        image_url: input.imageUrl,
        is_default: input.isDefault,
        required_achievement_id: input.requiredAchievementId,
        rarity: input.rarity,
        display_order: input.displayOrder,
      });
      if (losesDefault) {
        await tx.execute(
          `update user_profiles p set selected_avatar_id = null
            where p.selected_avatar_id = ?
              and not exists (select 1 from user_avatars ua where ua.user_id = p.user_id and ua.avatar_id = ?)`,
          [input.id, input.id],
        );
      }
      const after = await requireAvatar(tx, input.id);
      return { result: after, audit: updateAudit('avatar.update', 'avatar', input.id, before, after) };
    },
    GAME_VIOLATIONS,
  );
}

/** Deletes an avatar: its unlocks go and it is cleared where selected (see above). */
export async function deleteAvatar(em: EntityManager, actor: AdminActor, rawInput: ById): Promise<Deleted> {
  const { id } = parseInput(byIdSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await refuseLastDefault(tx, id, 'id');
      await tx.execute('select id from avatars where id = ? for update', [id]);
      const before = await requireAvatar(tx, id);
      await tx.execute('delete from avatars where id = ?', [id]);
      return {
        result: { id, deleted: true as const },
        audit: { action: 'avatar.delete', entityType: 'avatar', entityId: id, before, after: null },
      };
    },
    GAME_VIOLATIONS,
  );
}
