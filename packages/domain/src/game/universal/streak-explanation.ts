import { z } from 'zod';
import { MAX_FREEZES_HELD, STUDY_DAY_STATUSES } from './study-streak.ts';

export const STREAK_HISTORY_DEFAULT_DAYS = 30;
export const STREAK_HISTORY_MAX_DAYS = 366;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const streakHistoryDaysSchema = z
  .number()
  .int()
  .min(1)
  .max(STREAK_HISTORY_MAX_DAYS)
  .default(STREAK_HISTORY_DEFAULT_DAYS);

export const streakExplanationInputSchema = z.object({ days: streakHistoryDaysSchema });
export type StreakExplanationInput = z.input<typeof streakExplanationInputSchema>;

export const streakSummarySchema = z.object({
  current: z.number().int().nonnegative(),
  longest: z.number().int().nonnegative(),
  atRisk: z.boolean(),
  freezesHeld: z.number().int().min(0).max(MAX_FREEZES_HELD),
  today: isoDate,
  lastPracticeDate: isoDate.nullable(),
});

export const streakDayViewSchema = z.object({
  date: isoDate,
  status: z.enum(STUDY_DAY_STATUSES),
  /** The running streak once the day is counted. */
  streak: z.number().int().nonnegative(),
  /** One line: why the day has its status. */
  explanation: z.string(),
  /** A practice day: what was completed first that day. */
  reason: z.string().nullable(),
});

/** The streak as of now, and the last days of it, each explained. */
export const streakExplanationSchema = z.object({
  summary: streakSummarySchema,
  days: z.array(streakDayViewSchema),
});
export type StreakExplanation = z.infer<typeof streakExplanationSchema>;
export type StreakDayView = z.infer<typeof streakDayViewSchema>;
