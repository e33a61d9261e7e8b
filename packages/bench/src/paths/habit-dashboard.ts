import { addDays, toLocalDate } from '@questline/domain/game/universal/local-day';
import { getHabitDashboard } from '@questline/domain/habits/server/get-habit-dashboard';
import type pg from 'pg';
import type { BenchPath } from '../context.ts';

// The same read as the service, sent through plain pg: every active habit with its stored
// streak and its week of check-ins grouped per habit in PostgreSQL. The service also shapes the
// rows (today's streak and strength from the rules) — that shaping is part of what is measured.
export async function rawHabitDashboard(pool: pg.Pool, userId: number, today: string) {
  const result = await pool.query(
    `select h.id, h.name, h.description, h.category, h.goal_type, h.target_value, h.schedule_mask, h.archived_at,
            h.created_at, s.current_streak, s.longest_streak, s.strength,
            to_char(s.last_completion_date, 'YYYY-MM-DD') as last_met_date, w.week
       from habits h
       left join habit_streaks s on s.habit_id = h.id
       left join (select c.habit_id,
                         json_agg(json_build_array(to_char(c.completion_date, 'YYYY-MM-DD'), c.value, c.notes)) as week
                    from habit_completions c
                   where c.user_id = $1 and c.completion_date between $2 and $3
                   group by c.habit_id) w on w.habit_id = h.id
      where h.user_id = $1 and h.archived_at is null
      order by h.created_at, h.id`,
    [userId, addDays(today, -6), today],
  );
  return result.rows;
}

export const habitDashboardPath: BenchPath = {
  name: 'habit dashboard (1,000 habits × 5 years)',
  targets: { minRatio: 0.7, maxP99Ms: 50 },
  whenMissed:
    "Both sides send the same single query; the service then applies the habit rules to all 1,000 habits (today's streak, at-risk, decayed strength, seven day cells), about as much JavaScript time as the query itself takes on this machine (the gap between the two p50s), which the raw side does not do.",
  iterations: 300,
  raw: (ctx) => rawHabitDashboard(ctx.pool, ctx.heavyUserId, toLocalDate(ctx.now, 'UTC')),
  service: (ctx) => getHabitDashboard(ctx.orm.em.fork(), ctx.heavyUserId, toLocalDate(ctx.now, 'UTC')),
};
