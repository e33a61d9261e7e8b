import type { EntityManager } from '@mikro-orm/postgresql';
import { levelForXp } from '../universal/level.ts';

/**
 * Moves a profile's XP by `amount` atomically and keeps its level derived from the new total,
 * in the caller's transaction (the row stays locked until it ends). Shared by grants and reversals.
 */
export async function moveProfileXp(
  em: EntityManager,
  userId: number,
  amount: number,
): Promise<{ xp: number; level: number }> {
  const [profile] = await em.execute<{ xp: number }[]>(
    'update user_profiles set xp = xp + ? where user_id = ? returning xp',
    [amount, userId],
  );
  if (!profile) throw new Error(`user ${userId} has no game profile`);
  const level = levelForXp(profile.xp);
  await em.execute('update user_profiles set level = ? where user_id = ? and level <> ?', [
    level,
    userId,
    level,
  ]);
  return { xp: profile.xp, level };
}
