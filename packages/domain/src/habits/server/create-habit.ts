import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitDto } from '../universal/habit-dtos.ts';
import { createHabitInputSchema, type CreateHabitInput } from '../universal/habit-inputs.ts';
import { HABIT_COLUMNS, toHabitDto, type HabitRow } from './lock-habit.ts';

export type CreateHabitCommand = CreateHabitInput & {
  readonly userId: number;
  readonly now: Date;
};

/** Creates a habit and its (empty) streak row in one statement. Its first day is `now`'s local day. */
export async function createHabit(em: EntityManager, command: CreateHabitCommand): Promise<HabitDto> {
  const { userId, now, ...fields } = command;
  const input = parseInput(createHabitInputSchema, fields);
  const [row] = await em.execute<HabitRow[]>(
    `with h as (
       insert into habits (user_id, name, description, category, goal_type, target_value, schedule_mask, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       returning *
     ), streak as (
       insert into habit_streaks (habit_id, updated_at) select id, created_at from h
     )
     select ${HABIT_COLUMNS} from h`,
    [
      userId,
      input.name,
      input.description ?? null,
      input.category ?? null,
      input.goalType,
      input.targetValue,
      input.scheduleMask ?? null,
      now,
      now,
    ],
  );
  if (!row) throw new Error('creating a habit returned nothing');
  return toHabitDto(row);
}
