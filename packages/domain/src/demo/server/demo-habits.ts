import type { EntityManager } from '@mikro-orm/postgresql';
import { grantXp } from '../../game/server/grant-xp.ts';
import { addDays } from '../../game/universal/local-day.ts';
import type { HabitGoalType } from '../../habits/universal/habit-goals.ts';

interface DemoHabit {
  readonly name: string;
  readonly category: string;
  readonly goalType: HabitGoalType;
  readonly targetValue: number;
  /** ISO weekdays (1 = Monday) the learner checks in on. */
  readonly doneOn: readonly number[];
  readonly scheduleMask: number | null;
}

const HABITS: readonly DemoHabit[] = [
  {
    name: 'Practise Spanish for 10 minutes',
    category: 'Learning',
    goalType: 'daily',
    targetValue: 1,
    doneOn: [1, 2, 3, 4, 5, 6, 7],
    scheduleMask: null,
  },
  {
    name: 'Go for a run',
    category: 'Health',
    goalType: 'weekly',
    targetValue: 3,
    doneOn: [1, 3, 6],
    scheduleMask: null,
  },
  {
    name: 'Read 20 pages',
    category: 'Learning',
    goalType: 'custom',
    targetValue: 1,
    doneOn: [1, 3, 5],
    scheduleMask: 0b0010101,
  },
];

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Three habits (daily, weekly, custom schedule) with their check-ins over `days` and 5 XP each. */
export async function seedDemoHabits(
  em: EntityManager,
  userId: number,
  days: readonly { date: string; instant: Date }[],
  timeZone: string,
): Promise<void> {
  for (const habit of HABITS) {
    const [row] = await em.execute<{ id: string }[]>(
      `insert into habits (user_id, name, category, goal_type, target_value, schedule_mask, created_at)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        userId,
        habit.name,
        habit.category,
        habit.goalType,
        habit.targetValue,
        habit.scheduleMask,
        days[0]?.instant ?? new Date(),
      ],
    );
    const habitId = Number(row?.id);
    const done = days.filter((day) => habit.doneOn.includes(isoWeekday(day.date)));
    for (const day of done) {
      await em.execute(
        'insert into habit_completions (habit_id, user_id, completion_date, value, created_at) values (?, ?, ?, 1, ?)',
        [habitId, userId, day.date, day.instant],
      );
      await grantXp(em, {
        userId,
        amount: 5,
        source: 'habit',
        sourceRef: `habit:${habitId}`,
        idempotencyKey: `habit:${habitId}:${day.date}`,
        occurredAt: day.instant,
        timeZone,
      });
    }
    const streak = consecutiveRun(
      habit,
      days.map((day) => day.date),
      new Set(done.map((day) => day.date)),
    );
    await em.execute(
      `insert into habit_streaks (habit_id, current_streak, longest_streak, last_completion_date, strength)
       values (?, ?, ?, ?, ?)`,
      [
        habitId,
        streak,
        streak,
        done.at(-1)?.date ?? null,
        Math.min(100, Math.round((done.length / days.length) * 100)),
      ],
    );
  }
}

// Runs of met periods ending now: days for daily and custom (scheduled days only), ISO weeks for
// weekly. The current, unfinished period does not break a run.
function consecutiveRun(habit: DemoHabit, dates: readonly string[], done: ReadonlySet<string>): number {
  if (habit.goalType === 'weekly') {
    const weeks = new Map<string, number>();
    for (const date of dates) {
      const monday = addDays(date, 1 - isoWeekday(date));
      weeks.set(monday, (weeks.get(monday) ?? 0) + (done.has(date) ? 1 : 0));
    }
    const counts = [...weeks.values()];
    let run = 0;
    for (let i = counts.length - 1; i >= 0; i -= 1) {
      if ((counts[i] ?? 0) >= habit.targetValue) run += 1;
      else if (i !== counts.length - 1) break;
    }
    return run;
  }
  const relevant = dates.filter(
    (date) => habit.goalType === 'daily' || habit.doneOn.includes(isoWeekday(date)),
  );
  let run = 0;
  for (let i = relevant.length - 1; i >= 0; i -= 1) {
    const date = relevant[i];
    if (date && done.has(date)) run += 1;
    else if (i !== relevant.length - 1) break;
  }
  return run;
}
