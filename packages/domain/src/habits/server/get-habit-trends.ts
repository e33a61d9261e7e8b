import type { EntityManager } from '@mikro-orm/postgresql';
import { toLocalDate } from '../../game/universal/local-day.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitTrends } from '../universal/habit-dtos.ts';
import type { HabitGoalType } from '../universal/habit-goals.ts';
import { habitTrendsInputSchema, localDateSchema } from '../universal/habit-inputs.ts';
import {
  completionRateOf,
  tallyWeek,
  trendWeeksEndingOn,
  type WeekTally,
} from '../universal/habit-trends.ts';
import { habitNotFound } from './lock-habit.ts';

interface TrendHabitRow {
  id: string | number;
  goal_type: HabitGoalType;
  target_value: number;
  schedule_mask: number | null;
  created_at: string;
  timezone: string;
}

interface WeekRow {
  habit_id: string | number;
  week: string;
  met_days: number;
  completed_days: number;
}

/**
 * Completion rate per ISO week for the 12 weeks ending with `today` (the learner's local day):
 * of one habit, or of all active habits together. Counts are aggregated in PostgreSQL per habit
 * and week over one date range through the (habit, date) index; only the due days are counted here.
 */
export async function getHabitTrends(
  em: EntityManager,
  userId: number,
  today: string,
  habitId?: number,
): Promise<HabitTrends> {
  const day = parseInput(localDateSchema, today);
  const input = parseInput(habitTrendsInputSchema, { habitId });
  const weeks = trendWeeksEndingOn(day);
  const first = weeks[0] ?? day;
  const which = input.habitId === undefined ? 'h.archived_at is null' : 'h.id = ?';
  const whichParams = input.habitId === undefined ? [] : [input.habitId];
  const habits = await em.execute<TrendHabitRow[]>(
    `select h.id, h.goal_type, h.target_value, h.schedule_mask, h.created_at, u.timezone
       from habits h join users u on u.id = h.user_id where h.user_id = ? and ${which}`,
    [userId, ...whichParams],
  );
  if (input.habitId !== undefined && habits.length === 0) throw habitNotFound();
  const counts = await em.execute<WeekRow[]>(
    `select c.habit_id, to_char(date_trunc('week', c.completion_date), 'YYYY-MM-DD') as week,
            count(*) filter (where c.value >= h.target_value and (h.schedule_mask is null
              or h.schedule_mask & (1 << (extract(isodow from c.completion_date)::int - 1)) <> 0))::int as met_days,
            count(*) filter (where c.value > 0)::int as completed_days
       from habits h join habit_completions c on c.habit_id = h.id and c.completion_date between ? and ?
      where h.user_id = ? and ${which}
      group by c.habit_id, week`,
    [first, day, userId, ...whichParams],
  );
  const countOf = new Map(counts.map((row) => [`${Number(row.habit_id)}:${row.week}`, row]));
  const tallies: WeekTally[][] = weeks.map(() => []);
  for (const habit of habits) {
    const rule = {
      goalType: habit.goal_type,
      targetValue: habit.target_value,
      scheduleMask: habit.schedule_mask,
    };
    const activeFrom = toLocalDate(new Date(habit.created_at), habit.timezone);
    weeks.forEach((monday, index) => {
      const row = countOf.get(`${Number(habit.id)}:${monday}`);
      const weekCounts = { metDays: row?.met_days ?? 0, completedDays: row?.completed_days ?? 0 };
      tallies[index]?.push(tallyWeek(rule, monday, weekCounts, activeFrom, day));
    });
  }
  return {
    habitId: input.habitId ?? null,
    weeks: weeks.map((weekStart, index) => ({
      weekStart,
      completionRate: completionRateOf(tallies[index] ?? []),
    })),
  };
}
