import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAdminAction, type AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { maintenanceActorSchema, type RecomputeStandingsResult } from '../universal/recompute.ts';
import { rebuildCurrentStandingsMirrors } from './mirror-standings.ts';
import type { StandingsMirror } from './standings-mirror.ts';

/** Changed standings kept in the audit row; the counts always cover all of them. */
const AUDITED_STANDINGS_LIMIT = 100;

interface ChangeRow {
  change: 'inserted' | 'updated' | 'deleted';
  board: string;
  scope: string;
  user_id: string;
  old_score: number | null;
  old_reached_at: string | null;
  new_score: number | null;
  new_reached_at: string | null;
}

// The standings every write path maintains, derived again from their sources:
// - xp_all_time/all: the sum of the user's ledger, reached at their latest entry;
// - xp_weekly/<UTC ISO week>: the entries of that week, a reversal counting against its original's
//   week (as reverseXp does), reached at the latest of them;
// - quiz_best/<exam>: the best attempt, reached at the first attempt that scored it (ties go to
//   whoever reached a score first, so an equal later score never moves it).
// Every CTE sees the same snapshot: `old` is the table before the delete and the upsert.
const REBUILD_SQL = `
with events as (
  select e.user_id, e.amount, e.occurred_at, coalesce(o.occurred_at, e.occurred_at) as counted_at
    from xp_events e left join xp_events o on o.id = e.reverses_event_id
), wanted as (
  select 'xp_all_time'::text as board, 'all'::text as scope, user_id,
         sum(amount)::double precision as score, max(occurred_at) as reached_at
    from events group by user_id
  union all
  select 'xp_weekly', to_char(counted_at at time zone 'UTC', 'IYYY-"W"IW'), user_id,
         sum(amount)::double precision, max(occurred_at)
    from events group by 2, user_id
  union all
  select * from (
    select distinct on (exam_type, user_id) 'quiz_best', exam_type, user_id, score_percentage, completed_at
      from quiz_attempts order by exam_type, user_id, score_percentage desc, completed_at, id) best
), old as (
  select board::text, scope::text, user_id, score, reached_at from leaderboard_standings
), deleted as (
  delete from leaderboard_standings s
   where not exists (select 1 from wanted w
                      where w.board = s.board::text and w.scope = s.scope::text and w.user_id = s.user_id)
  returning s.board::text, s.scope::text, s.user_id, s.score, s.reached_at
), upserted as (
  insert into leaderboard_standings (board, scope, user_id, score, reached_at)
  select board, scope, user_id, score, reached_at from wanted
  on conflict (board, scope, user_id) do update set score = excluded.score, reached_at = excluded.reached_at
   where (leaderboard_standings.score, leaderboard_standings.reached_at)
         is distinct from (excluded.score, excluded.reached_at)
  returning board::text, scope::text, user_id, score, reached_at
)
select case when o.user_id is null then 'inserted' else 'updated' end as change,
       u.board, u.scope, u.user_id, o.score as old_score, o.reached_at::text as old_reached_at,
       u.score as new_score, u.reached_at::text as new_reached_at
  from upserted u left join old o on (o.board, o.scope, o.user_id) = (u.board, u.scope, u.user_id)
union all
select 'deleted', d.board, d.scope, d.user_id, d.score, d.reached_at::text, null, null from deleted d
order by 2, 3, 4`;

/**
 * Rebuilds `leaderboard_standings` from the XP ledger and the quiz attempts in one transaction
 * (set-based: one statement computes, deletes and upserts), audited there when anything changed;
 * then, after commit, rebuilds the Redis mirror of the boards learners see when there is one.
 * Standings that already agree are not touched, so a second run changes nothing.
 */
export async function recomputeStandings(
  em: EntityManager,
  actor: AdminActor,
  mirror?: StandingsMirror,
): Promise<RecomputeStandingsResult> {
  const checkedActor = parseInput(maintenanceActorSchema, actor);
  const { changes, standings } = await em.transactional(async (tx) => {
    // Writers wait while the board is rebuilt, so none of their moves is lost to the rebuild.
    await tx.execute('lock table leaderboard_standings in share row exclusive mode');
    const changes = await tx.execute<ChangeRow[]>(REBUILD_SQL);
    if (changes.length) {
      const audited = changes.slice(0, AUDITED_STANDINGS_LIMIT);
      const side = (prefix: 'old' | 'new') =>
        audited
          .filter((row) => row[`${prefix}_score`] !== null)
          .map((row) => ({
            board: row.board,
            scope: row.scope,
            userId: Number(row.user_id),
            score: row[`${prefix}_score`],
            reachedAt: row[`${prefix}_reached_at`],
          }));
      await recordAdminAction(tx, checkedActor, {
        action: 'standings.recompute',
        entityType: 'leaderboard_standings',
        entityId: null,
        before: { standings: side('old') },
        after: { standings: side('new'), ...countChanges(changes), listed: audited.length },
      });
    }
    const [total] = await tx.execute<{ n: number }[]>('select count(*)::int as n from leaderboard_standings');
    return { changes, standings: total?.n ?? 0 };
  });
  const { mirror: outcome, mirrored } = await rebuildMirror(em, mirror, checkedActor.now);
  return { standings, ...countChanges(changes), mirror: outcome, mirrored };
}

function countChanges(changes: readonly ChangeRow[]) {
  const count = (kind: ChangeRow['change']) => changes.filter((row) => row.change === kind).length;
  return { inserted: count('inserted'), updated: count('updated'), deleted: count('deleted') };
}

async function rebuildMirror(
  em: EntityManager,
  mirror: StandingsMirror | undefined,
  now: Date,
): Promise<Pick<RecomputeStandingsResult, 'mirror' | 'mirrored'>> {
  if (!mirror) return { mirror: 'absent', mirrored: 0 };
  try {
    return { mirror: 'rebuilt', mirrored: await rebuildCurrentStandingsMirrors(em, mirror, now) };
  } catch {
    // Redis is down: the table is rebuilt and serves every read until the mirror is back.
    return { mirror: 'failed', mirrored: 0 };
  }
}
