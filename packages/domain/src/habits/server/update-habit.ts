import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitDto } from '../universal/habit-dtos.ts';
import {
  habitRuleIssueOf,
  updateHabitInputSchema,
  type UpdateHabitInput,
} from '../universal/habit-inputs.ts';
import type { HabitRule } from '../universal/habit-periods.ts';
import { assertHabitActive, HABIT_COLUMNS, lockOwnHabit, toHabitDto, type HabitRow } from './lock-habit.ts';
import { refreshHabitStreak } from './store-habit-streak.ts';

export type UpdateHabitCommand = UpdateHabitInput & { readonly userId: number };

/**
 * Changes the given fields of the learner's own habit. A new goal type, target or schedule
 * recomputes the stored streak from the whole history under the new rule; XP already settled
 * for past days stays (it was earned under the rule of its day).
 */
export async function updateHabit(em: EntityManager, command: UpdateHabitCommand): Promise<HabitDto> {
  const { userId, ...fields } = command;
  const input = parseInput(updateHabitInputSchema, fields);
  return em.transactional(async (tx) => {
    const habit = await lockOwnHabit(tx, userId, input.habitId);
    assertHabitActive(habit);
    const goalType = input.goalType ?? habit.rule.goalType;
    const rule: HabitRule = {
      goalType,
      targetValue: input.targetValue ?? habit.rule.targetValue,
      // Leaving the custom goal type drops the schedule unless one is (wrongly) given.
      scheduleMask:
        input.scheduleMask !== undefined
          ? input.scheduleMask
          : goalType === 'custom'
            ? habit.rule.scheduleMask
            : null,
    };
    const issue = habitRuleIssueOf(rule);
    if (issue) {
      throw new DomainError('HABIT_RULE_INVALID', 'BAD_INPUT', issue.message, { path: [issue.path] });
    }
    const changes: [string, unknown][] = [
      ['name', input.name],
      ['description', input.description],
      ['category', input.category],
      ['goal_type', rule.goalType],
      ['target_value', rule.targetValue],
      ['schedule_mask', rule.scheduleMask],
    ];
    const set = changes.filter(([, value]) => value !== undefined);
    const [row] = await tx.execute<HabitRow[]>(
      `update habits h set ${set.map(([column]) => `${column} = ?`).join(', ')}
        where h.id = ? returning ${HABIT_COLUMNS}`,
      [...set.map(([, value]) => value), input.habitId],
    );
    if (!row) throw new Error('the habit vanished under its lock');
    const ruleChanged =
      rule.goalType !== habit.rule.goalType ||
      rule.targetValue !== habit.rule.targetValue ||
      rule.scheduleMask !== habit.rule.scheduleMask;
    if (ruleChanged) await refreshHabitStreak(tx, input.habitId, rule);
    return toHabitDto(row);
  });
}
