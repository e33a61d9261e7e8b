import type { EntityManager } from '@mikro-orm/postgresql';
import { toLocalDate } from '../../game/universal/local-day.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';

/** The learner's calendar day at `now` in their current time zone (`YYYY-MM-DD`). */
export async function localTodayOf(em: EntityManager, userId: number, now: Date): Promise<string> {
  const [row] = await em.execute<{ timezone: string }[]>('select timezone from users where id = ?', [userId]);
  if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
  return toLocalDate(now, row.timezone);
}
