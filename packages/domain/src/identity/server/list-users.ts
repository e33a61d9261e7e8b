import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../universal/account.ts';
import {
  listUsersInputSchema,
  type ListUsersInput,
  type UserListItem,
  type UserListPage,
} from '../universal/user-directory.ts';

interface UserRow {
  id: string | number;
  email: string;
  username: string;
  role: Role;
  is_active: boolean;
  is_verified: boolean;
  xp: number | null;
  level: number | null;
  created_at: Date;
}

const USER_ITEM_SQL = `select u.id, u.email, u.username, u.role, u.is_active, u.is_verified, p.xp, p.level, u.created_at
       from users u left join user_profiles p on p.user_id = u.id`;

const toUserListItem = (row: UserRow): UserListItem => ({
  id: Number(row.id),
  email: row.email,
  username: row.username,
  role: row.role,
  isActive: row.is_active,
  isVerified: row.is_verified,
  xp: row.xp ?? 0,
  level: row.level ?? 1,
  createdAt: new Date(row.created_at),
});

/** One user as the directory lists them, or undefined for an unknown id. */
export async function readUserListItem(em: EntityManager, userId: number): Promise<UserListItem | undefined> {
  const [row] = await em.execute<UserRow[]>(`${USER_ITEM_SQL} where u.id = ?`, [userId]);
  return row && toUserListItem(row);
}

/** Users newest first, with their XP and level, filtered by a substring of email or username. */
export async function listUsers(em: EntityManager, rawInput: ListUsersInput): Promise<UserListPage> {
  const input = listUsersInputSchema.parse(rawInput);
  const params: unknown[] = [];
  const where: string[] = [];
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push('(u.email ilike ? or u.username ilike ?)');
    params.push(pattern, pattern);
  }
  if (input.cursor) {
    where.push('u.id < ?');
    params.push(input.cursor);
  }
  params.push(input.limit + 1);
  const rows = await em.execute<UserRow[]>(
    `${USER_ITEM_SQL}
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by u.id desc
      limit ?`,
    params,
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toUserListItem),
    nextCursor: rows.length > input.limit && last ? Number(last.id) : null,
  };
}
