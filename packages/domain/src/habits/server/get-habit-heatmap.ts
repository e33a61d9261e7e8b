import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitHeatmap } from '../universal/habit-dtos.ts';
import type { HabitGoalType } from '../universal/habit-goals.ts';
import { habitHeatmapInputSchema } from '../universal/habit-inputs.ts';
import {
  dateOfDayNumber,
  dayNumberOf,
  isDayMet,
  isScheduled,
  type HabitRule,
} from '../universal/habit-periods.ts';
import { habitNotFound } from './lock-habit.ts';

/** Every day of `year` for one of the learner's habits (archived ones too), from one index range scan. */
export async function getHabitHeatmap(
  em: EntityManager,
  userId: number,
  habitId: number,
  year: number,
): Promise<HabitHeatmap> {
  const input = parseInput(habitHeatmapInputSchema, { habitId, year });
  const first = `${String(input.year).padStart(4, '0')}-01-01`;
  const last = `${String(input.year).padStart(4, '0')}-12-31`;
  const [habit] = await em.execute<
    { goal_type: HabitGoalType; target_value: number; schedule_mask: number | null }[]
  >('select goal_type, target_value, schedule_mask from habits where id = ? and user_id = ?', [
    input.habitId,
    userId,
  ]);
  if (!habit) throw habitNotFound();
  const rule: HabitRule = {
    goalType: habit.goal_type,
    targetValue: habit.target_value,
    scheduleMask: habit.schedule_mask,
  };
  const rows = await em.execute<{ date: string; value: number }[]>(
    `select to_char(completion_date, 'YYYY-MM-DD') as date, value from habit_completions
      where habit_id = ? and completion_date between ? and ?`,
    [input.habitId, first, last],
  );
  const values = new Map(rows.map((row) => [row.date, row.value]));
  const start = dayNumberOf(first);
  const days = Array.from({ length: dayNumberOf(last) - start + 1 }, (_, index) => {
    const date = dateOfDayNumber(start + index);
    const value = values.get(date) ?? null;
    return { date, value, met: isDayMet(rule, date, value), scheduled: isScheduled(rule, date) };
  });
  return { habitId: input.habitId, year: input.year, targetValue: rule.targetValue, days };
}
