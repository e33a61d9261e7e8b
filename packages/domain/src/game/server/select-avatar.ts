import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExamType } from '../../quiz/universal/exam-types.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  selectAvatarInputSchema,
  toAvatarView,
  type AvatarView,
  type SelectedAvatar,
} from '../universal/avatars.ts';
import { criteriaProgress, type CriteriaType } from '../universal/criteria.ts';
import { readPlayerStats } from './read-player-stats.ts';

interface AvatarRow {
  id: string | number;
  code: string;
  name: string;
  description: string | null;
  image_url: string;
  rarity: AvatarView['rarity'];
  is_default: boolean;
  unlocked_at: Date | null;
  selected: boolean;
  achievement_code: string | null;
  achievement_name: string | null;
  achievement_description: string | null;
  achievement_hidden: boolean | null;
  achievement_earned: boolean;
  criteria_type: CriteriaType | null;
  criteria_value: number | null;
  criteria_exam_type: ExamType | null;
}

// The achievement that unlocks an avatar: the avatar's own link, else the achievement naming it.
const AVATARS_SQL = `
  select a.id, a.code, a.name, a.description, a.image_url, a.rarity, a.is_default,
         ua.unlocked_at, coalesce(p.selected_avatar_id = a.id, false) as selected,
         ach.code as achievement_code, ach.name as achievement_name,
         ach.description as achievement_description, ach.is_hidden as achievement_hidden,
         exists (select 1 from user_achievements x where x.user_id = ? and x.achievement_id = ach.id) as achievement_earned,
         ach.criteria_type, ach.criteria_value, ach.criteria_exam_type
    from avatars a
    left join user_profiles p on p.user_id = ?
    left join user_avatars ua on ua.user_id = ? and ua.avatar_id = a.id
    left join achievements ach on ach.id = coalesce(
      a.required_achievement_id,
      (select min(u.id) from achievements u where u.unlocks_avatar_id = a.id))`;

/** Every avatar, locked or not, with what unlocks each and the learner's progress towards it. */
export async function listAvatars(em: EntityManager, userId: number): Promise<AvatarView[]> {
  const rows = await em.execute<AvatarRow[]>(`${AVATARS_SQL} order by a.display_order, a.id`, [
    userId,
    userId,
    userId,
  ]);
  const needsStats = rows.some((row) => !row.is_default && !row.unlocked_at && row.criteria_type);
  const stats = needsStats ? await readPlayerStats(em, userId) : null;
  return rows.map((row) => {
    const progress =
      stats && row.criteria_type && row.criteria_value
        ? criteriaProgress(
            {
              type: row.criteria_type,
              value: row.criteria_value,
              ...(row.criteria_exam_type ? { examType: row.criteria_exam_type } : {}),
            },
            stats,
          )
        : null;
    return toAvatarView(
      {
        id: Number(row.id),
        code: row.code,
        name: row.name,
        description: row.description,
        imageUrl: row.image_url,
        rarity: row.rarity,
        isDefault: row.is_default,
        unlockedAt: row.unlocked_at ? new Date(row.unlocked_at) : null,
        selected: row.selected,
        achievement:
          row.achievement_code && row.achievement_name !== null
            ? {
                code: row.achievement_code,
                name: row.achievement_name,
                description: row.achievement_description ?? '',
                isHidden: row.achievement_hidden ?? false,
                earned: row.achievement_earned,
              }
            : null,
      },
      progress,
    );
  });
}

/**
 * Selects a default avatar or one the learner has unlocked (null clears the choice). The profile
 * trigger checks the same rule, so an unlock lost meanwhile is refused too, never stored.
 */
export async function selectAvatar(
  em: EntityManager,
  userId: number,
  avatarId: number | null,
): Promise<SelectedAvatar> {
  const input = parseInput(selectAvatarInputSchema, { avatarId });
  return em.transactional(async (tx) => {
    let avatar: SelectedAvatar = null;
    if (input.avatarId !== null) {
      const [row] = await tx.execute<AvatarRow[]>(`${AVATARS_SQL} where a.id = ?`, [
        userId,
        userId,
        userId,
        input.avatarId,
      ]);
      if (!row) {
        throw new DomainError('AVATAR_NOT_FOUND', 'NOT_FOUND', 'No such avatar', { path: ['avatarId'] });
      }
      if (!row.is_default && !row.unlocked_at)
        throw avatarLocked(row.achievement_hidden ? null : row.achievement_name);
      avatar = { id: Number(row.id), code: row.code, name: row.name, imageUrl: row.image_url };
    }
    try {
      const updated = await tx.execute<{ user_id: string }[]>(
        'update user_profiles set selected_avatar_id = ? where user_id = ? returning user_id',
        [avatar?.id ?? null, userId],
      );
      if (!updated.length)
        throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no game profile');
    } catch (error) {
      if (error instanceof ForeignKeyConstraintViolationException) throw avatarLocked(null);
      throw error;
    }
    return avatar;
  });
}

function avatarLocked(achievementName: string | null): DomainError {
  const how = achievementName ? `: earn “${achievementName}” to unlock it` : '';
  return new DomainError('AVATAR_LOCKED', 'FORBIDDEN', `This avatar is still locked${how}`, {
    path: ['avatarId'],
  });
}
