import type { EntityManager } from '@mikro-orm/postgresql';
import type { XpSource } from '../universal/ledger.ts';
import { isoWeekOf } from '../universal/leaderboards.ts';
import { toLocalDate } from '../universal/local-day.ts';
import { moveProfileXp } from './move-profile-xp.ts';

export interface XpGrant {
  readonly userId: number;
  readonly amount: number;
  readonly source: XpSource;
  readonly sourceRef?: string;
  /** A repeat with the same key grants nothing and returns the first grant. */
  readonly idempotencyKey: string;
  readonly occurredAt: Date;
  /** The learner's time zone at that moment: fixes the local day the XP counts for. */
  readonly timeZone: string;
}

export interface XpGrantResult {
  readonly granted: boolean;
  readonly eventId: number;
  readonly xp: number;
  readonly level: number;
  readonly localDate: string;
}

/**
 * Appends to the XP ledger and moves the profile total, level, daily row and XP standings with
 * it, all with set-based SQL in the caller's transaction. Exactly once per (user, idempotency key).
 */
export async function grantXp(em: EntityManager, grant: XpGrant): Promise<XpGrantResult> {
  const localDate = toLocalDate(grant.occurredAt, grant.timeZone);
  const inserted = await em.execute<{ id: string | number }[]>(
    `insert into xp_events (user_id, amount, source, source_ref, idempotency_key, occurred_at, local_date)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (user_id, idempotency_key) do nothing
     returning id`,
    [
      grant.userId,
      grant.amount,
      grant.source,
      grant.sourceRef ?? null,
      grant.idempotencyKey,
      grant.occurredAt,
      localDate,
    ],
  );
  const event = inserted[0];
  if (!event) {
    const [first] = await em.execute<
      { id: string | number; local_date: string; xp: number; level: number }[]
    >(
      `select e.id, to_char(e.local_date, 'YYYY-MM-DD') as local_date, p.xp, p.level
         from xp_events e join user_profiles p on p.user_id = e.user_id
        where e.user_id = ? and e.idempotency_key = ?`,
      [grant.userId, grant.idempotencyKey],
    );
    if (!first) throw new Error('an idempotent XP grant vanished');
    return {
      granted: false,
      eventId: Number(first.id),
      xp: first.xp,
      level: first.level,
      localDate: first.local_date,
    };
  }
  const profile = await moveProfileXp(em, grant.userId, grant.amount);
  const level = profile.level;
  // The goal in force that day is the one set when the day's first XP arrived.
  await em.execute(
    `insert into user_daily_xp (user_id, local_date, xp, goal, goal_met)
     select u.id, ?, greatest(?, 0), u.daily_xp_goal, greatest(?, 0) >= u.daily_xp_goal from users u where u.id = ?
     on conflict (user_id, local_date) do update
       set xp = greatest(user_daily_xp.xp + ?, 0),
           goal_met = greatest(user_daily_xp.xp + ?, 0) >= user_daily_xp.goal`,
    [localDate, grant.amount, grant.amount, grant.userId, grant.amount, grant.amount],
  );
  // Standings move with the ledger: all-time XP is the new total, weekly XP adds to the UTC ISO week;
  // reached at the latest entry, so a grant recorded out of order cannot move the time back.
  await em.execute(
    `insert into leaderboard_standings (board, scope, user_id, score, reached_at)
     values ('xp_all_time', 'all', ?, ?, ?), ('xp_weekly', ?, ?, ?, ?)
     on conflict (board, scope, user_id) do update
       set score = case when excluded.board = 'xp_weekly' then leaderboard_standings.score + excluded.score
                        else excluded.score end,
           reached_at = greatest(leaderboard_standings.reached_at, excluded.reached_at)`,
    [
      grant.userId,
      profile.xp,
      grant.occurredAt,
      isoWeekOf(grant.occurredAt),
      grant.userId,
      grant.amount,
      grant.occurredAt,
    ],
  );
  return { granted: true, eventId: Number(event.id), xp: profile.xp, level, localDate };
}
