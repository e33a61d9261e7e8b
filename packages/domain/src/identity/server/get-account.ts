import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { Account } from '../universal/account.ts';
import { toAccount } from './account-dto.ts';
import { User } from './user.entity.ts';

export async function getAccount(em: EntityManager, userId: number): Promise<Account> {
  const user = await em.findOne(User, { id: userId });
  if (!user) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
  return toAccount(user);
}
