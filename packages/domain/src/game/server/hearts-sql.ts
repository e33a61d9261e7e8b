import type { EntityManager } from '@mikro-orm/postgresql';
import type { HeartsConfig } from '../../learning/universal/hearts.ts';

// The regeneration rule of learning/universal/hearts.ts in SQL, so that materialising it and
// changing the count is ONE statement on a locked row (the integration tests hold the two equal).

export interface MaterialisedHearts {
  /** The stored count before the statement. */
  readonly before: number;
  /** Hearts regenerated since the stored state, materialised by the statement. */
  readonly gained: number;
  /** The regeneration clock before the statement. */
  readonly storedRegenFrom: Date | null;
  /** The count after the statement. */
  readonly hearts: number;
  readonly regenFrom: Date | null;
}

interface Row {
  before: number;
  gained: number;
  hearts: number;
  // Timestamps arrive as PostgreSQL text from raw queries.
  hearts_regen_from: string | null;
  stored_clock: string | null;
}

const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * Locks the profile, regenerates, then applies `change` (`take`: one heart, only if there is one;
 * `refill`: up to max) in one statement. Returns null when the profile is missing or, for
 * `take`, there is no heart to take (nothing is written then: with no heart, none regenerated).
 */
export async function changeHearts(
  em: EntityManager,
  userId: number,
  now: Date,
  change: 'take' | 'refill',
  config: HeartsConfig,
): Promise<MaterialisedHearts | null> {
  const { max, intervalMs } = config;
  const target = change === 'take' ? 's.available - 1' : 'greatest(s.available, ?::int)';
  const rows = await em.execute<Row[]>(
    `with locked as (
       select user_id, hearts, hearts_regen_from from user_profiles where user_id = ? for update
     ), regen as (
       select user_id, hearts as before, hearts_regen_from as clock, hearts_regen_from as stored_clock,
              case when hearts >= ?::int then 0
                   when hearts_regen_from is null then ?::int - hearts
                   else least(?::int - hearts, greatest(0, floor(
                          extract(epoch from (?::timestamptz - hearts_regen_from)) * 1000 / ?::bigint)))::int
              end as gained
         from locked
     ), s as (
       select user_id, before, gained, before + gained as available, stored_clock,
              case when before + gained >= ?::int then null
                   else clock + gained * ?::bigint * interval '1 millisecond' end as clock
         from regen
     )
     update user_profiles p
        set hearts = ${target},
            hearts_regen_from = case when ${target} >= ?::int then null else coalesce(s.clock, ?::timestamptz) end
       from s
      where p.user_id = s.user_id ${change === 'take' ? 'and s.available > 0' : ''}
     returning s.before, s.gained, s.stored_clock, p.hearts, p.hearts_regen_from`,
    [
      userId,
      max,
      max,
      max,
      now,
      intervalMs,
      max,
      intervalMs,
      ...(change === 'refill' ? [max, max] : []),
      max,
      now,
    ],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    before: row.before,
    gained: row.gained,
    storedRegenFrom: toDate(row.stored_clock),
    hearts: row.hearts,
    regenFrom: toDate(row.hearts_regen_from),
  };
}

export interface HeartsLogEntry {
  readonly action: 'lost' | 'regenerated' | 'refilled';
  readonly delta: number;
  readonly balanceAfter: number;
  readonly reason: string;
}

/** Appends the learner's hearts history in one statement (entries with a zero delta are dropped). */
export async function logHearts(
  em: EntityManager,
  userId: number,
  now: Date,
  entries: readonly HeartsLogEntry[],
): Promise<void> {
  const rows = entries.filter((entry) => entry.delta !== 0);
  if (!rows.length) return;
  await em.execute(
    `insert into user_hearts_log (user_id, action, delta, balance_after, reason, occurred_at)
     select ?, r.action, r.delta, r.balance_after, r.reason, ?
       from rows from (jsonb_to_recordset(?::jsonb) as (action text, delta smallint, balance_after smallint, reason text))
            with ordinality as r(action, delta, balance_after, reason, n)
      order by r.n`,
    [
      userId,
      now,
      JSON.stringify(
        rows.map((row) => ({
          action: row.action,
          delta: row.delta,
          balance_after: row.balanceAfter,
          reason: row.reason,
        })),
      ),
    ],
  );
}
