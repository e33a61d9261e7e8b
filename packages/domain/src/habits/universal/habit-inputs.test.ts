import { describe, expect, it } from 'vitest';
import { checkInHabitInputSchema, createHabitInputSchema, habitRuleIssueOf } from './habit-inputs.ts';

describe('createHabitInputSchema', () => {
  it('defaults to a daily habit with target 1 and turns empty text into none', () => {
    expect(createHabitInputSchema.parse({ name: '  Read  ', description: '', category: ' ' })).toEqual({
      name: 'Read',
      description: null,
      category: null,
      goalType: 'daily',
      targetValue: 1,
    });
  });

  it.each([
    [{ name: 'Run', goalType: 'custom' }, ['scheduleMask']],
    [{ name: 'Run', goalType: 'daily', scheduleMask: 3 }, ['scheduleMask']],
    [{ name: 'Run', goalType: 'custom', scheduleMask: 0 }, ['scheduleMask']],
    [{ name: 'Run', goalType: 'custom', scheduleMask: 128 }, ['scheduleMask']],
    [{ name: 'Run', goalType: 'weekly', targetValue: 8 }, ['targetValue']],
    [{ name: 'Run', targetValue: 0 }, ['targetValue']],
    [{ name: '   ' }, ['name']],
    [{ name: 'x'.repeat(101) }, ['name']],
  ])('refuses %o at %o', (input, path) => {
    const parsed = createHabitInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });
});

describe('habitRuleIssueOf', () => {
  it('accepts each goal type with what it needs', () => {
    expect(habitRuleIssueOf({ goalType: 'custom', targetValue: 2, scheduleMask: 5 })).toBeNull();
    expect(habitRuleIssueOf({ goalType: 'weekly', targetValue: 7, scheduleMask: null })).toBeNull();
    expect(habitRuleIssueOf({ goalType: 'daily', targetValue: 8 })).toBeNull();
  });
});

describe('checkInHabitInputSchema', () => {
  const base = { habitId: 1, date: '2026-03-02', idempotencyKey: 'check-in-0001' };

  it('checks in a plain yes by default', () => {
    expect(checkInHabitInputSchema.parse(base)).toEqual({ ...base, value: 1 });
  });

  it.each([
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '02/03/2026' }, 'date'],
    [{ value: -1 }, 'value'],
    [{ value: 1.5 }, 'value'],
    [{ habitId: 0 }, 'habitId'],
    [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    [{ notes: 'x'.repeat(1001) }, 'notes'],
  ])('refuses %o', (override, field) => {
    const parsed = checkInHabitInputSchema.safeParse({ ...base, ...override });
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});
