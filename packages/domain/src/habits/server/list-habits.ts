import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitDto } from '../universal/habit-dtos.ts';
import { listHabitsInputSchema, type ListHabitsInput } from '../universal/habit-inputs.ts';
import { HABIT_COLUMNS, toHabitDto, type HabitRow } from './lock-habit.ts';

/** The learner's habits, oldest first; archived ones too when asked (to restore one). */
export async function listHabits(
  em: EntityManager,
  userId: number,
  rawInput: ListHabitsInput = {},
): Promise<HabitDto[]> {
  const input = parseInput(listHabitsInputSchema, rawInput);
  const rows = await em.execute<HabitRow[]>(
    `select ${HABIT_COLUMNS} from habits h
      where h.user_id = ? ${input.includeArchived ? '' : 'and h.archived_at is null'}
      order by h.created_at, h.id`,
    [userId],
  );
  return rows.map(toHabitDto);
}
