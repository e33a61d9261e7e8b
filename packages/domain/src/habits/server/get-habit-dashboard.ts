import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '../../game/universal/local-day.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { DashboardHabit, HabitDashboard, HabitDayDto } from '../universal/habit-dtos.ts';
import { localDateSchema } from '../universal/habit-inputs.ts';
import { isDayMet, isScheduled, mondayOf, type HabitRule } from '../universal/habit-periods.ts';
import { explainStrength, strengthOn } from '../universal/habit-strength.ts';
import { currentStreakOn, isStreakAtRisk, type HabitStreakState } from '../universal/habit-streak.ts';
import { HABIT_COLUMNS, toHabitDto, type HabitRow } from './lock-habit.ts';

interface DashboardRow extends HabitRow {
  current_streak: number | null;
  longest_streak: number | null;
  last_met_date: string | null;
  strength: number | null;
  /** The week's check-ins of this habit: [date, value, notes] triples, or null for none. */
  week: [string, number, string | null][] | null;
}

interface DayRow {
  date: string;
  value: number;
  notes: string | null;
}

/**
 * Every active habit of the learner on `today` (their local day): today's check-in, streaks,
 * strength and the last seven days. One set-based query whatever the number of habits: stored
 * streaks (never recomputed on read) and the week's check-ins, found with one range scan of the
 * (user, date) index and grouped per habit in PostgreSQL, so a row per habit crosses the wire.
 */
export async function getHabitDashboard(
  em: EntityManager,
  userId: number,
  today: string,
): Promise<HabitDashboard> {
  const day = parseInput(localDateSchema, today);
  const from = addDays(day, -6);
  const habits = await em.execute<DashboardRow[]>(
    `select ${HABIT_COLUMNS}, s.current_streak, s.longest_streak, s.strength,
            to_char(s.last_completion_date, 'YYYY-MM-DD') as last_met_date, w.week
       from habits h
       left join habit_streaks s on s.habit_id = h.id
       left join (select c.habit_id,
                         json_agg(json_build_array(to_char(c.completion_date, 'YYYY-MM-DD'), c.value, c.notes)) as week
                    from habit_completions c
                   where c.user_id = ? and c.completion_date between ? and ?
                   group by c.habit_id) w on w.habit_id = h.id
      where h.user_id = ? and h.archived_at is null
      order by h.created_at, h.id`,
    [userId, from, day, userId],
  );
  const week = Array.from({ length: 7 }, (_, index) => addDays(from, index));
  return {
    today: day,
    habits: habits.map((row) => {
      const days = new Map<string, DayRow>(
        (row.week ?? []).map(([date, value, notes]) => [date, { date, value, notes }]),
      );
      return toDashboardHabit(row, days, week, day);
    }),
  };
}

function toDashboardHabit(
  row: DashboardRow,
  days: ReadonlyMap<string, DayRow>,
  week: readonly string[],
  today: string,
): DashboardHabit {
  const rule: HabitRule = {
    goalType: row.goal_type,
    targetValue: row.target_value,
    scheduleMask: row.schedule_mask,
  };
  const streak: HabitStreakState = {
    lastRun: row.current_streak ?? 0,
    longest: row.longest_streak ?? 0,
    lastMetDate: row.last_met_date,
  };
  const dayOf = (date: string): HabitDayDto => {
    const value = days.get(date)?.value ?? null;
    return { date, value, met: isDayMet(rule, date, value), scheduled: isScheduled(rule, date) };
  };
  const monday = mondayOf(today);
  const done =
    rule.goalType === 'weekly'
      ? week.filter((date) => date >= monday && (days.get(date)?.value ?? 0) > 0).length
      : (days.get(today)?.value ?? 0);
  const score = strengthOn(rule, row.strength ?? 0, streak.lastMetDate, today);
  return {
    habit: toHabitDto(row),
    today: { ...dayOf(today), notes: days.get(today)?.notes ?? null },
    progress: { done, target: rule.targetValue },
    streak: {
      current: currentStreakOn(rule, streak, today),
      longest: streak.longest,
      atRisk: isStreakAtRisk(rule, streak, today),
      lastMetDate: streak.lastMetDate,
    },
    strength: { score: Math.round(score * 10) / 10, explanation: explainStrength(score) },
    lastSevenDays: week.map(dayOf),
  };
}
