import type { Account } from '../universal/account.ts';
import type { User } from './user.entity.ts';

export function toAccount(user: User): Account {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    role: user.role,
    isVerified: user.isVerified,
    timezone: user.timezone,
    dailyXpGoal: user.dailyXpGoal,
    createdAt: user.createdAt,
  };
}
