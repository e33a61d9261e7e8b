import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { moveProfileXp } from './move-profile-xp.ts';
import { isoWeekOf } from '../universal/leaderboards.ts';

export interface XpReversal {
  readonly userId: number;
  /** The ledger entry to take back: a grant of this user, not itself a reversal. */
  readonly eventId: number;
  /** The reversal's own ledger key. */
  readonly idempotencyKey: string;
  readonly occurredAt: Date;
}

export interface XpReversalResult {
  /** False when the entry had already been reversed: nothing moved. */
  readonly reversed: boolean;
  /** The reversing entry. */
  readonly eventId: number;
  /** The opposite of the original amount. */
  readonly amount: number;
  readonly xp: number;
  readonly level: number;
  /** The original entry's local day, which the reversal counts against. */
  readonly localDate: string;
}

interface OriginalRow {
  amount: number;
  source: string;
  source_ref: string | null;
  local_date: string;
  /** Raw timestamptz text: the driver leaves timestamps unparsed. */
  occurred_at: string;
  reverses_event_id: string | null;
}

/**
 * Appends the entry that negates `eventId` exactly (the trigger checks amount and user) and moves
 * everything `grantXp` moved back, in the caller's transaction: profile XP and level, the daily
 * row of the ORIGINAL entry's day (the reversal carries that local date, so each day's row still
 * equals its ledger) and the XP standings (all-time: the new total; the original's UTC ISO week:
 * minus the amount). At most once per entry (`xp_events_reverses_unique`), whatever the key.
 */
export async function reverseXp(em: EntityManager, reversal: XpReversal): Promise<XpReversalResult> {
  const [original] = await em.execute<OriginalRow[]>(
    `select amount, source, source_ref, to_char(local_date, 'YYYY-MM-DD') as local_date, occurred_at, reverses_event_id
       from xp_events where id = ? and user_id = ?`,
    [reversal.eventId, reversal.userId],
  );
  if (!original) {
    throw new DomainError('XP_EVENT_NOT_FOUND', 'NOT_FOUND', 'There is no such XP entry to reverse');
  }
  if (original.reverses_event_id !== null) {
    throw new DomainError('XP_EVENT_IS_REVERSAL', 'CONFLICT', 'A reversal cannot itself be reversed');
  }
  const amount = -original.amount;
  const inserted = await em.execute<{ id: string | number }[]>(
    `insert into xp_events (user_id, amount, source, source_ref, idempotency_key, occurred_at, local_date, reverses_event_id)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict do nothing
     returning id`,
    [
      reversal.userId,
      amount,
      original.source,
      original.source_ref,
      reversal.idempotencyKey,
      reversal.occurredAt,
      original.local_date,
      reversal.eventId,
    ],
  );
  const event = inserted[0];
  if (!event) return alreadyReversed(em, reversal, original.local_date);

  const profile = await moveProfileXp(em, reversal.userId, amount);
  const level = profile.level;
  await em.execute(
    `update user_daily_xp set xp = greatest(xp + ?, 0), goal_met = greatest(xp + ?, 0) >= goal
      where user_id = ? and local_date = ?`,
    [amount, amount, reversal.userId, original.local_date],
  );
  // A reversal never improves a tie: it counts as reaching the lower score now.
  await em.execute(
    `update leaderboard_standings
        set score = case when board = 'xp_all_time' then ? else score + ? end, reached_at = greatest(reached_at, ?)
      where user_id = ? and ((board = 'xp_all_time' and scope = 'all') or (board = 'xp_weekly' and scope = ?))`,
    [profile.xp, amount, reversal.occurredAt, reversal.userId, isoWeekOf(new Date(original.occurred_at))],
  );
  return {
    reversed: true,
    eventId: Number(event.id),
    amount,
    xp: profile.xp,
    level,
    localDate: original.local_date,
  };
}

async function alreadyReversed(
  em: EntityManager,
  reversal: XpReversal,
  localDate: string,
): Promise<XpReversalResult> {
  const [existing] = await em.execute<{ id: string | number; amount: number; xp: number; level: number }[]>(
    `select e.id, e.amount, p.xp, p.level from xp_events e join user_profiles p on p.user_id = e.user_id
      where e.reverses_event_id = ? and e.user_id = ?`,
    [reversal.eventId, reversal.userId],
  );
  if (!existing) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'CONFLICT',
      'This ledger key already belongs to another XP entry',
      { path: ['idempotencyKey'] },
    );
  }
  return {
    reversed: false,
    eventId: Number(existing.id),
    amount: existing.amount,
    xp: existing.xp,
    level: existing.level,
    localDate,
  };
}
