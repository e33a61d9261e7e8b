import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitDto } from '../universal/habit-dtos.ts';
import { archiveHabitInputSchema, type ArchiveHabitInput } from '../universal/habit-inputs.ts';
import { HABIT_COLUMNS, lockOwnHabit, toHabitDto, type HabitRow } from './lock-habit.ts';

export type ArchiveHabitCommand = ArchiveHabitInput & {
  readonly userId: number;
  readonly now: Date;
};

/**
 * Archives the learner's own habit (or restores it with `archived: false`): it leaves the
 * dashboard and takes no check-ins, but keeps its history, streak and XP. Repeating is harmless.
 */
export async function archiveHabit(em: EntityManager, command: ArchiveHabitCommand): Promise<HabitDto> {
  const { userId, now, ...fields } = command;
  const input = parseInput(archiveHabitInputSchema, fields);
  return em.transactional(async (tx) => {
    const habit = await lockOwnHabit(tx, userId, input.habitId);
    if ((habit.dto.archivedAt !== null) === input.archived) return habit.dto;
    const [row] = await tx.execute<HabitRow[]>(
      `update habits h set archived_at = ? where h.id = ? returning ${HABIT_COLUMNS}`,
      [input.archived ? now : null, input.habitId],
    );
    if (!row) throw new Error('the habit vanished under its lock');
    return toHabitDto(row);
  });
}
