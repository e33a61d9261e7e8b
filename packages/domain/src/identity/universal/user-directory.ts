import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { ROLES } from './account.ts';

export const listUsersInputSchema = z.object({
  search: z.string().trim().max(100).refine(withoutNul, NUL_MESSAGE).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** The last id of the previous page (keyset pagination, newest first). */
  cursor: z.number().int().positive().optional(),
});
export type ListUsersInput = z.input<typeof listUsersInputSchema>;

export const userListItemSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  isVerified: z.boolean(),
  xp: z.number().int(),
  level: z.number().int(),
  createdAt: z.date(),
});
export type UserListItem = z.infer<typeof userListItemSchema>;

export const userListPageSchema = z.object({
  items: z.array(userListItemSchema),
  nextCursor: z.number().int().nullable(),
});
export type UserListPage = z.infer<typeof userListPageSchema>;
