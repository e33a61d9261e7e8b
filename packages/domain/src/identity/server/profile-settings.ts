import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  updateProfileSettingsInputSchema,
  type ProfileSettings,
  type UpdateProfileSettingsInput,
} from '../universal/profile-settings.ts';
import { taglineToStore } from './set-tagline.ts';

interface SettingsRow {
  username: string;
  tagline: string | null;
  timezone: string;
  daily_xp_goal: number;
  avatar_id: string | null;
  avatar_code: string | null;
  avatar_name: string | null;
  avatar_image_url: string | null;
}

/** The settings of the user row(s) in `users` (a table or a CTE), with the selected avatar. */
const settingsOf = (users: string) => `
  select u.username, u.tagline, u.timezone, u.daily_xp_goal,
         a.id as avatar_id, a.code as avatar_code, a.name as avatar_name, a.image_url as avatar_image_url
    from ${users} u
    left join user_profiles p on p.user_id = u.id
    left join avatars a on a.id = p.selected_avatar_id`;

function toSettings(row: SettingsRow | undefined): ProfileSettings {
  if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
  return {
    username: row.username,
    tagline: row.tagline,
    timezone: row.timezone,
    dailyXpGoal: row.daily_xp_goal,
    avatar:
      row.avatar_id && row.avatar_code && row.avatar_name && row.avatar_image_url
        ? {
            id: Number(row.avatar_id),
            code: row.avatar_code,
            name: row.avatar_name,
            imageUrl: row.avatar_image_url,
          }
        : null,
  };
}

/** The learner's own settings, in one query. */
export async function getProfileSettings(em: EntityManager, userId: number): Promise<ProfileSettings> {
  const [row] = await em.execute<SettingsRow[]>(`${settingsOf('users')} where u.id = ?`, [userId]);
  return toSettings(row);
}

/**
 * Changes the given settings in one statement (atomic on its own) and returns them all: the
 * tagline by the tagline rule, the time zone by its canonical IANA name, the daily goal from the
 * allowed set. A new time zone applies from now on: stored days keep the zone they were lived in.
 * A new daily goal applies from the next day that earns XP; a day already started keeps its goal.
 */
export async function updateProfileSettings(
  em: EntityManager,
  userId: number,
  rawInput: UpdateProfileSettingsInput,
): Promise<ProfileSettings> {
  const input = parseInput(updateProfileSettingsInputSchema, rawInput);
  const changes: [string, unknown][] = [
    ['tagline', input.tagline === undefined ? undefined : taglineToStore(input.tagline)],
    ['timezone', input.timezone],
    ['daily_xp_goal', input.dailyXpGoal],
  ];
  const set = changes.filter(([, value]) => value !== undefined);
  const [row] = await em.execute<SettingsRow[]>(
    `with u as (
       update users set ${set.map(([column]) => `${column} = ?`).join(', ')} where id = ? returning *
     ) ${settingsOf('u')}`,
    [...set.map(([, value]) => value), userId],
  );
  return toSettings(row);
}
