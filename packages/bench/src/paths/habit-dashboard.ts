import { addDays, toLocalDate } from '@questline/domain/game/universal/local-day';
import { getHabitDashboard } from '@questline/domain/habits/server/get-habit-dashboard';
import type { BenchPath } from '../context.ts';

// The same two reads as the service: every active habit with its stored streak, and one week of
// check-ins through the (habit, date) index. The raw side returns the rows; the service also
// shapes them (today's streak and strength) — that shaping is part of what is measured.
export const habitDashboardPath: BenchPath = {
  name: 'habit dashboard (1,000 habits × 5 years)',
  targets: { minRatio: 0.7, maxP99Ms: 50 },
  iterations: 300,
  raw: async (ctx) => {
    const today = toLocalDate(ctx.now, 'UTC');
    const [habits, days] = await Promise.all([
      ctx.pool.query(
        `select h.id, h.name, h.goal_type, h.target_value, h.schedule_mask, s.current_streak, s.longest_streak, s.strength,
                s.last_completion_date
           from habits h left join habit_streaks s on s.habit_id = h.id
          where h.user_id = $1 and h.archived_at is null order by h.created_at, h.id`,
        [ctx.heavyUserId],
      ),
      ctx.pool.query(
        `select c.habit_id, c.completion_date, c.value, c.notes
           from habits h join habit_completions c on c.habit_id = h.id and c.completion_date between $2 and $3
          where h.user_id = $1 and h.archived_at is null`,
        [ctx.heavyUserId, addDays(today, -6), today],
      ),
    ]);
    return { habits: habits.rows, days: days.rows };
  },
  service: (ctx) => getHabitDashboard(ctx.orm.em.fork(), ctx.heavyUserId, toLocalDate(ctx.now, 'UTC')),
};
