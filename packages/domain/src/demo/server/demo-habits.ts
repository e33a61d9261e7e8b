import type { EntityManager } from '@mikro-orm/postgresql';
import { grantXp } from '../../game/server/grant-xp.ts';
import { refreshHabitStreak } from '../../habits/server/store-habit-streak.ts';
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
      await em.execute(
        'update user_profiles set total_habit_completions = total_habit_completions + 1 where user_id = ?',
        [userId],
      );
      await grantXp(em, {
        userId,
        amount: 5,
        source: 'habit',
        sourceRef: `habit:${habitId}:${day.date}`,
        idempotencyKey: `habit:${habitId}:${day.date}`,
        occurredAt: day.instant,
        timeZone,
      });
    }
    // The stored streak and strength come from the habit rules, as a check-in would leave them.
    await refreshHabitStreak(em, habitId, {
      goalType: habit.goalType,
      targetValue: habit.targetValue,
      scheduleMask: habit.scheduleMask,
    });
  }
}
