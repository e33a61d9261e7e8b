import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createAccount } from '../../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../../shared/universal/domain-error.ts';
import { isDayMet, type HabitRule } from '../../universal/habit-periods.ts';
import { storedStrengthOf } from '../../universal/habit-strength.ts';
import { streakStateOf } from '../../universal/habit-streak.ts';
import type { CreateHabitInput } from '../../universal/habit-inputs.ts';
import { createHabit } from '../create-habit.ts';
import { loadHabitDays } from '../store-habit-streak.ts';

/** A learner with a game profile, in `timeZone`. */
export async function createLearner(em: EntityManager, now: Date, timeZone = 'UTC'): Promise<number> {
  const user = await createAccount(em, uniqueSignUpInput(), now);
  await em.execute('update users set timezone = ? where id = ?', [timeZone, user.id]);
  return user.id;
}

export const newKey = () => randomUUID();

export async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/**
 * What must hold after any sequence of changes: the stored streak and strength equal a
 * recomputation from the habit's whole history, and its net XP is 5 per day that meets the goal.
 */
export async function expectHabitConsistent(
  em: EntityManager,
  habitId: number,
  rule: HabitRule,
  { checkXp = true } = {},
): Promise<void> {
  const history = await loadHabitDays(em, habitId, null);
  const [stored] = await em.execute<
    { current_streak: number; longest_streak: number; last_met_date: string | null; strength: number }[]
  >(
    `select current_streak, longest_streak, to_char(last_completion_date, 'YYYY-MM-DD') as last_met_date, strength
       from habit_streaks where habit_id = ?`,
    [habitId],
  );
  const expected = streakStateOf(rule, history);
  expect(stored, `streak of habit ${habitId}`).toMatchObject({
    current_streak: expected.lastRun,
    longest_streak: expected.longest,
    last_met_date: expected.lastMetDate,
  });
  expect(stored?.strength).toBeCloseTo(storedStrengthOf(rule, history, expected.lastMetDate), 9);
  if (!checkXp) return;
  const metDays = history.filter((day) => isDayMet(rule, day.date, day.value)).length;
  expect(await habitXpOf(em, habitId), `net XP of habit ${habitId}`).toBe(5 * metDays);
}

/** Net XP of one habit's ledger entries (grants and reversals). */
export async function habitXpOf(em: EntityManager, habitId: number): Promise<number> {
  const [row] = await em.execute<{ xp: number }[]>(
    `select coalesce(sum(amount), 0)::int as xp from xp_events where source = 'habit' and source_ref like ?`,
    [`habit:${habitId}:%`],
  );
  return row?.xp ?? 0;
}

export async function countRows(
  em: EntityManager,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from ${table} where ${where}`,
    params,
  );
  return row?.n ?? 0;
}

/** A learner (created at `created`) with one habit, and the habit's rule as the services read it. */
export async function learnerWithHabit(
  em: () => EntityManager,
  created: Date,
  habit: Partial<CreateHabitInput> = {},
  timeZone = 'UTC',
): Promise<{ userId: number; habitId: number; rule: HabitRule }> {
  const userId = await createLearner(em(), created, timeZone);
  const dto = await createHabit(em(), { userId, now: created, name: 'Read', ...habit });
  return {
    userId,
    habitId: dto.id,
    rule: { goalType: dto.goalType, targetValue: dto.targetValue, scheduleMask: dto.scheduleMask },
  };
}

/** The learner's ledger with reversal links, oldest first. */
export function ledgerOf(em: EntityManager, userId: number) {
  return em.execute<
    { id: string; amount: number; idempotency_key: string; reverses_event_id: string | null }[]
  >(`select id, amount, idempotency_key, reverses_event_id from xp_events where user_id = ? order by id`, [
    userId,
  ]);
}
