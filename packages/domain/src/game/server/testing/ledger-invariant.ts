import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';

/**
 * The invariant every rewarding test ends with: each profile's XP equals the sum of its ledger,
 * its level follows from that XP, and each day's XP row equals that day's ledger entries.
 */
export async function expectLedgerBalanced(em: EntityManager): Promise<void> {
  const unbalanced = await em.execute<{ user_id: string; xp: number; ledger: string }[]>(
    `select p.user_id, p.xp, coalesce(sum(e.amount), 0) as ledger
       from user_profiles p left join xp_events e on e.user_id = p.user_id
      group by p.user_id, p.xp
     having p.xp <> coalesce(sum(e.amount), 0)`,
  );
  expect(unbalanced, 'profiles whose XP differs from their ledger').toEqual([]);
  const wrongLevels = await em.execute<{ user_id: string }[]>(
    `select user_id from user_profiles where level <> floor((1 + sqrt(1 + 4 * xp / 25.0)) / 2)`,
  );
  expect(wrongLevels, 'profiles whose level does not follow from their XP').toEqual([]);
  const wrongDays = await em.execute<{ user_id: string; local_date: string }[]>(
    `select d.user_id, d.local_date from user_daily_xp d
      where d.xp <> greatest((select coalesce(sum(amount), 0) from xp_events e
                               where e.user_id = d.user_id and e.local_date = d.local_date), 0)`,
  );
  expect(wrongDays, 'daily XP rows that differ from the ledger').toEqual([]);
}
