// What the habit services return: plain DTOs, validated as tRPC outputs. Local days travel as
// `YYYY-MM-DD` strings (a learner's calendar day has no instant); instants as dates.
import { z } from 'zod';
import { HABIT_GOAL_TYPES } from './habit-goals.ts';

export const habitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  goalType: z.enum(HABIT_GOAL_TYPES),
  targetValue: z.number().int(),
  scheduleMask: z.number().int().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type HabitDto = z.infer<typeof habitSchema>;

export const habitListSchema = z.array(habitSchema);

export const habitStreakSchema = z.object({
  current: z.number().int(),
  longest: z.number().int(),
  /** Alive, but today's period is not met yet. */
  atRisk: z.boolean(),
  /** The latest day that met the goal. */
  lastMetDate: z.string().nullable(),
});
export type HabitStreakDto = z.infer<typeof habitStreakSchema>;

export const habitStrengthSchema = z.object({
  /** 0–100, one decimal. */
  score: z.number(),
  explanation: z.string(),
});
export type HabitStrengthDto = z.infer<typeof habitStrengthSchema>;

export const habitDaySchema = z.object({
  date: z.string(),
  /** Null: no check-in that day. */
  value: z.number().int().nullable(),
  /** The day met its goal (weekly habits: any completed day). */
  met: z.boolean(),
  /** False on a custom schedule's days off. */
  scheduled: z.boolean(),
});
export type HabitDayDto = z.infer<typeof habitDaySchema>;

export const checkInResultSchema = z.object({
  habitId: z.number().int(),
  date: z.string(),
  /** Null after an undo. */
  value: z.number().int().nullable(),
  notes: z.string().nullable(),
  met: z.boolean(),
  streak: habitStreakSchema,
  strength: habitStrengthSchema,
  xp: z.object({
    /** +5 when the day became met, −5 when an undo took it back, else 0. */
    change: z.number().int(),
    total: z.number().int(),
    level: z.number().int(),
  }),
  unlocks: z.object({ achievements: z.array(z.string()), badges: z.array(z.string()) }),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

export const dashboardHabitSchema = z.object({
  habit: habitSchema,
  today: habitDaySchema.extend({ notes: z.string().nullable() }),
  /** Progress in the current period: today's value (daily, custom) or this week's completed days (weekly). */
  progress: z.object({ done: z.number().int(), target: z.number().int() }),
  streak: habitStreakSchema,
  strength: habitStrengthSchema,
  /** Oldest first, ending today. */
  lastSevenDays: z.array(habitDaySchema),
});
export type DashboardHabit = z.infer<typeof dashboardHabitSchema>;

export const habitDashboardSchema = z.object({
  today: z.string(),
  habits: z.array(dashboardHabitSchema),
});
export type HabitDashboard = z.infer<typeof habitDashboardSchema>;

export const habitHeatmapSchema = z.object({
  habitId: z.number().int(),
  year: z.number().int(),
  targetValue: z.number().int(),
  /** Every day of the year, January 1st first (365 or 366). */
  days: z.array(habitDaySchema),
});
export type HabitHeatmap = z.infer<typeof habitHeatmapSchema>;

export const habitTrendsSchema = z.object({
  /** Null: all active habits together. */
  habitId: z.number().int().nullable(),
  weeks: z.array(
    z.object({
      /** Monday of the ISO week. */
      weekStart: z.string(),
      /** 0–1 of the goal met; null when nothing was due (before the habit began). */
      completionRate: z.number().nullable(),
    }),
  ),
});
export type HabitTrends = z.infer<typeof habitTrendsSchema>;
