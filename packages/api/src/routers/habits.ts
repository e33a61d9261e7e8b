import { archiveHabit } from '@questline/domain/habits/server/archive-habit';
import { checkInHabit } from '@questline/domain/habits/server/check-in-habit';
import { createHabit } from '@questline/domain/habits/server/create-habit';
import { getHabitHeatmap } from '@questline/domain/habits/server/get-habit-heatmap';
import { listHabits } from '@questline/domain/habits/server/list-habits';
import {
  getRecentHabitTrends,
  getTodaysHabitDashboard,
} from '@questline/domain/habits/server/todays-habit-views';
import { undoHabitCheckIn } from '@questline/domain/habits/server/undo-check-in';
import { updateHabit } from '@questline/domain/habits/server/update-habit';
import {
  checkInResultSchema,
  habitDashboardSchema,
  habitHeatmapSchema,
  habitListSchema,
  habitSchema,
  habitTrendsSchema,
} from '@questline/domain/habits/universal/habit-dtos';
import {
  archiveHabitInputSchema,
  checkInHabitInputSchema,
  createHabitInputSchema,
  habitHeatmapInputSchema,
  habitTrendsInputSchema,
  listHabitsInputSchema,
  undoHabitCheckInInputSchema,
  updateHabitInputSchema,
} from '@questline/domain/habits/universal/habit-inputs';
import { protectedProcedure, rewardingProcedure, router } from '../trpc.ts';

// Every habit procedure acts on the signed-in learner's own habits: the services look habits up
// by (id, owner), so another learner's habit is NOT_FOUND.
export const habitsRouter = router({
  list: protectedProcedure
    .input(listHabitsInputSchema)
    .output(habitListSchema)
    .query(({ ctx, input }) => listHabits(ctx.em, ctx.user.id, input)),

  dashboard: protectedProcedure
    .output(habitDashboardSchema)
    .query(({ ctx }) => getTodaysHabitDashboard(ctx.em, ctx.user.id, ctx.now())),

  create: protectedProcedure
    .input(createHabitInputSchema)
    .output(habitSchema)
    .mutation(({ ctx, input }) => createHabit(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),

  update: protectedProcedure
    .input(updateHabitInputSchema)
    .output(habitSchema)
    .mutation(({ ctx, input }) => updateHabit(ctx.em, { ...input, userId: ctx.user.id })),

  archive: protectedProcedure
    .input(archiveHabitInputSchema)
    .output(habitSchema)
    .mutation(({ ctx, input }) => archiveHabit(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),

  checkIn: rewardingProcedure
    .input(checkInHabitInputSchema)
    .output(checkInResultSchema)
    .mutation(({ ctx, input }) => checkInHabit(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() })),

  /** Takes a day's check-in back, and the XP it earned. */
  undoCheckIn: rewardingProcedure
    .input(undoHabitCheckInInputSchema)
    .output(checkInResultSchema)
    .mutation(({ ctx, input }) =>
      undoHabitCheckIn(ctx.em, { ...input, userId: ctx.user.id, now: ctx.now() }),
    ),

  heatmap: protectedProcedure
    .input(habitHeatmapInputSchema)
    .output(habitHeatmapSchema)
    .query(({ ctx, input }) => getHabitHeatmap(ctx.em, ctx.user.id, input.habitId, input.year)),

  trends: protectedProcedure
    .input(habitTrendsInputSchema)
    .output(habitTrendsSchema)
    .query(({ ctx, input }) => getRecentHabitTrends(ctx.em, ctx.user.id, ctx.now(), input)),
});
