import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { decodeCursor, encodeCursor, exactInstant, keysetSchema } from '../../social/server/keyset-cursor.ts';
import {
  badgeHoldersInputSchema,
  type BadgeHoldersInput,
  type BadgeHoldersPage,
} from '../universal/admin-badges.ts';
import { requireAdminBadge } from './admin-badges.ts';

interface HolderRow {
  id: string | number;
  user_id: string | number;
  username: string;
  unlocked_at: Date;
  unlocked_at_exact: string;
  granted_by: string | number | null;
  granted_by_username: string | null;
}

/** Who holds a badge, most recent first, one keyset page (unlocked_at, id) at a time. */
export async function listBadgeHolders(
  em: EntityManager,
  rawInput: BadgeHoldersInput,
): Promise<BadgeHoldersPage> {
  const input = parseInput(badgeHoldersInputSchema, rawInput);
  await requireAdminBadge(em, input.badgeId, 'badgeId');
  const after = input.cursor ? decodeCursor(input.cursor, keysetSchema) : null;
  const rows = await em.execute<HolderRow[]>(
    `select ub.id, ub.user_id, u.username, ub.unlocked_at, ${exactInstant('ub.unlocked_at')} as unlocked_at_exact,
            g.id as granted_by, g.username as granted_by_username
       from user_badges ub
       join users u on u.id = ub.user_id
       left join users g on g.id = ub.granted_by
      where ub.badge_id = ? ${after ? 'and (ub.unlocked_at, ub.id) < (?::timestamptz, ?)' : ''}
      order by ub.unlocked_at desc, ub.id desc
      limit ?`,
    [input.badgeId, ...(after ? [after.at, after.id] : []), input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      userId: Number(row.user_id),
      username: row.username,
      unlockedAt: new Date(row.unlocked_at),
      grantedBy:
        row.granted_by === null
          ? null
          : { id: Number(row.granted_by), username: row.granted_by_username ?? '' },
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ at: last.unlocked_at_exact, id: Number(last.id) })
        : null,
  };
}
