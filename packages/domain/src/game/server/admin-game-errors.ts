import type { ViolationMap } from '../../shared/server/database-violation.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';

// The admin game editors' errors: stable codes and the input field at fault, never a constraint name.

export type GameThing = 'ACHIEVEMENT' | 'BADGE' | 'AVATAR';

export const gameNotFound = (thing: GameThing, path: string) =>
  new DomainError(`${thing}_NOT_FOUND`, 'NOT_FOUND', `No such ${thing.toLowerCase()}`, { path: [path] });

const conflict = (code: string, message: string, path: string) => () =>
  new DomainError(code, 'CONFLICT', message, { path: [path] });

const badInput = (code: string, message: string, path: string) => () =>
  new DomainError(code, 'BAD_INPUT', message, { path: [path] });

const FOREIGN_KEYS: Readonly<Record<string, () => DomainError>> = {
  achievements_unlocks_avatar_id_foreign: () => gameNotFound('AVATAR', 'unlocksAvatarId'),
  avatars_required_achievement_id_foreign: () => gameNotFound('ACHIEVEMENT', 'requiredAchievementId'),
};

/** What the achievements, badges and avatars tables' constraints mean to an admin. */
export const GAME_VIOLATIONS: ViolationMap = {
  constraints: {
    achievements_code_unique: conflict('ACHIEVEMENT_CODE_TAKEN', 'Another achievement has this code', 'code'),
    achievements_name_unique: conflict('ACHIEVEMENT_NAME_TAKEN', 'Another achievement has this name', 'name'),
    avatars_code_unique: conflict('AVATAR_CODE_TAKEN', 'Another avatar has this code', 'code'),
    avatars_name_unique: conflict('AVATAR_NAME_TAKEN', 'Another avatar has this name', 'name'),
    badges_code_unique: conflict('BADGE_CODE_TAKEN', 'Another badge has this code', 'code'),
    badges_has_artwork: badInput(
      'BADGE_NEEDS_ARTWORK',
      'A badge needs an emoji icon or 64×64 artwork',
      'icon',
    ),
    badges_tag_badge_has_16px_art: badInput(
      'TAG_BADGE_NEEDS_16PX_ART',
      'A tag badge needs 16×16 artwork: upload it before making the badge a tag badge',
      'iconUrl16',
    ),
  },
  foreignKey: (constraint) => (constraint ? FOREIGN_KEYS[constraint]?.() : undefined),
};
