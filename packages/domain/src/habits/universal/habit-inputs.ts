// Inputs of the habit services and the API's habit procedures.
import { z } from 'zod';
import { idempotencyKeySchema } from '../../shared/universal/idempotency.ts';
import { HABIT_GOAL_TYPES, type HabitGoalType } from './habit-goals.ts';
import { isCalendarDate } from './habit-periods.ts';

export const HABIT_LIMITS = {
  nameLength: 100,
  descriptionLength: 2000,
  categoryLength: 50,
  notesLength: 1000,
  /** Daily and custom targets: a count of anything (glasses, pages, minutes). */
  maxTargetValue: 100_000,
  maxCheckInValue: 1_000_000,
  /** A week has seven days to complete. */
  maxWeeklyTarget: 7,
} as const;

export const localDateSchema = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD');

export const habitIdSchema = z.int().positive();

/** Trimmed, and empty means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === '' ? null : text))
    .nullish();

const habitFields = {
  name: z.string().trim().min(1, 'a habit needs a name').max(HABIT_LIMITS.nameLength),
  description: optionalText(HABIT_LIMITS.descriptionLength),
  category: optionalText(HABIT_LIMITS.categoryLength),
  goalType: z.enum(HABIT_GOAL_TYPES),
  targetValue: z.int().min(1).max(HABIT_LIMITS.maxTargetValue),
  /** ISO weekdays as bits, Monday = 1 … Sunday = 64; custom schedules only. */
  scheduleMask: z.int().min(1, 'pick at least one day').max(127).nullish(),
};

export interface HabitRuleIssue {
  readonly path: 'scheduleMask' | 'targetValue';
  readonly message: string;
}

/** The rules across fields, for a new habit and for an edited one once merged with what is stored. */
export function habitRuleIssueOf(rule: {
  goalType: HabitGoalType;
  targetValue: number;
  scheduleMask?: number | null | undefined;
}): HabitRuleIssue | null {
  const hasSchedule = rule.scheduleMask !== null && rule.scheduleMask !== undefined;
  if (rule.goalType === 'custom' && !hasSchedule) {
    return { path: 'scheduleMask', message: 'a custom habit needs the days it is due' };
  }
  if (rule.goalType !== 'custom' && hasSchedule) {
    return { path: 'scheduleMask', message: 'only a custom habit has a schedule' };
  }
  if (rule.goalType === 'weekly' && rule.targetValue > HABIT_LIMITS.maxWeeklyTarget) {
    return { path: 'targetValue', message: 'a weekly target is 1–7 days' };
  }
  return null;
}

export const createHabitInputSchema = z
  .object({
    ...habitFields,
    goalType: habitFields.goalType.default('daily'),
    targetValue: habitFields.targetValue.default(1),
  })
  .superRefine((input, ctx) => {
    const issue = habitRuleIssueOf(input);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type CreateHabitInput = z.input<typeof createHabitInputSchema>;

/** Only the fields given change; the cross-field rules are checked against the merged habit. */
export const updateHabitInputSchema = z.object({
  habitId: habitIdSchema,
  name: habitFields.name.optional(),
  description: habitFields.description,
  category: habitFields.category,
  goalType: habitFields.goalType.optional(),
  targetValue: habitFields.targetValue.optional(),
  scheduleMask: habitFields.scheduleMask,
});
export type UpdateHabitInput = z.input<typeof updateHabitInputSchema>;

export const archiveHabitInputSchema = z.object({
  habitId: habitIdSchema,
  /** False restores an archived habit. */
  archived: z.boolean().default(true),
});
export type ArchiveHabitInput = z.input<typeof archiveHabitInputSchema>;

export const checkInHabitInputSchema = z.object({
  habitId: habitIdSchema,
  /** The learner's local day being checked in: today or an earlier day since the habit began. */
  date: localDateSchema,
  /** How much was done (glasses, pages …); 1 for a plain yes. */
  value: z.int().min(0).max(HABIT_LIMITS.maxCheckInValue).default(1),
  /** Omitted keeps the day's notes, null or empty clears them. */
  notes: optionalText(HABIT_LIMITS.notesLength),
  idempotencyKey: idempotencyKeySchema,
});
export type CheckInHabitInput = z.input<typeof checkInHabitInputSchema>;

export const undoHabitCheckInInputSchema = z.object({
  habitId: habitIdSchema,
  date: localDateSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type UndoHabitCheckInInput = z.input<typeof undoHabitCheckInInputSchema>;

export const habitHeatmapInputSchema = z.object({
  habitId: habitIdSchema,
  year: z.int().min(1970).max(9999),
});
export type HabitHeatmapInput = z.input<typeof habitHeatmapInputSchema>;

export const listHabitsInputSchema = z
  .object({
    /** Archived habits too, so that one can be restored. */
    includeArchived: z.boolean().default(false),
  })
  .prefault({});
export type ListHabitsInput = z.input<typeof listHabitsInputSchema>;

export const habitTrendsInputSchema = z.object({
  /** One habit, or every active habit together when omitted. */
  habitId: habitIdSchema.optional(),
});
export type HabitTrendsInput = z.input<typeof habitTrendsInputSchema>;
