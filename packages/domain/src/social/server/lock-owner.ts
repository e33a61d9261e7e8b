import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';

/**
 * Locks the user's row for the rest of the transaction: every change to a user's highlights
 * (including the renumbering trigger) takes this lock first, so two at once queue up instead of
 * both appending at position n. NO KEY UPDATE still lets rows that reference the user be written.
 */
export async function lockHighlightOwner(em: EntityManager, userId: number): Promise<void> {
  const rows = await em.execute<{ id: string }[]>('select id from users where id = ? for no key update', [
    userId,
  ]);
  if (!rows.length) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
}
