import type { EntityManager } from '@mikro-orm/postgresql';
import { grantXp } from '../../game/server/grant-xp.ts';
import { reverseXp } from '../../game/server/reverse-xp.ts';

/** XP for a habit day that meets its goal. */
export const HABIT_DAY_XP = 5;

/**
 * Ledger key of a habit day's grant. Generation 0 is `habit:<habitId>:<date>`; each check-in
 * after an undo is the next generation, so it can grant again while no key ever grants twice.
 */
export function habitLedgerKey(habitId: number, date: string, generation: number): string {
  const key = `habit:${habitId}:${date}`;
  return generation === 0 ? key : `${key}:${generation}`;
}

/** The reversal's key follows from the grant's: a retried undo finds it taken and reverses nothing. */
export const habitReversalKey = (grantKey: string) => `${grantKey}:undo`;

export interface HabitDayXp {
  readonly userId: number;
  readonly habitId: number;
  readonly date: string;
  /** Whether the day meets its goal after the change. */
  readonly met: boolean;
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Rewards are keyed to state: after any change the day's net habit XP is HABIT_DAY_XP when it is
 * met and 0 when not, so check/uncheck farming nets nothing. Grants when the day is met and
 * its latest grant is missing or reversed; reverses that grant when the day is no longer met.
 * Runs in the caller's transaction, under the habit's lock. Returns the XP change.
 */
export async function settleHabitDayXp(em: EntityManager, day: HabitDayXp): Promise<number> {
  const base = habitLedgerKey(day.habitId, day.date, 0);
  // Generations are contiguous, so one statement walks them through the (user, key) index.
  const [latest] = await em.execute<{ generation: number; id: string | number; reversed: boolean }[]>(
    `with recursive generations (generation, id) as (
       select 0, id from xp_events where user_id = ? and idempotency_key = ?
       union all
       select g.generation + 1, e.id from generations g
         join xp_events e on e.user_id = ? and e.idempotency_key = ?::text || ':' || (g.generation + 1)
     )
     select g.generation, g.id, exists (select 1 from xp_events r where r.reverses_event_id = g.id) as reversed
       from generations g order by g.generation desc limit 1`,
    [day.userId, base, day.userId, base],
  );
  const outstanding = latest !== undefined && !latest.reversed;
  if (day.met && !outstanding) {
    const grant = await grantXp(em, {
      userId: day.userId,
      amount: HABIT_DAY_XP,
      source: 'habit',
      sourceRef: `habit:${day.habitId}:${day.date}`,
      idempotencyKey: habitLedgerKey(day.habitId, day.date, latest ? latest.generation + 1 : 0),
      occurredAt: day.now,
      timeZone: day.timeZone,
    });
    if (grant.granted) await countMetDays(em, day.userId, 1);
    return grant.granted ? HABIT_DAY_XP : 0;
  }
  if (!day.met && latest && outstanding) {
    const reversal = await reverseXp(em, {
      userId: day.userId,
      eventId: Number(latest.id),
      idempotencyKey: habitReversalKey(habitLedgerKey(day.habitId, day.date, latest.generation)),
      occurredAt: day.now,
    });
    if (reversal.reversed) await countMetDays(em, day.userId, -1);
    return reversal.reversed ? reversal.amount : 0;
  }
  return 0;
}

// The profile counts met habit days (what the habit_completions criteria measure), so evaluating
// achievements never has to count years of check-ins.
async function countMetDays(em: EntityManager, userId: number, delta: 1 | -1): Promise<void> {
  await em.execute(
    'update user_profiles set total_habit_completions = total_habit_completions + ? where user_id = ?',
    [delta, userId],
  );
}
