// The dashboard and trends as the learner sees them now: "today" is their local day, found on
// the server from their time zone, never taken from the client.
import type { EntityManager } from '@mikro-orm/postgresql';
import { localTodayOf } from '../../identity/server/local-today.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { HabitDashboard, HabitTrends } from '../universal/habit-dtos.ts';
import { habitTrendsInputSchema, type HabitTrendsInput } from '../universal/habit-inputs.ts';
import { getHabitDashboard } from './get-habit-dashboard.ts';
import { getHabitTrends } from './get-habit-trends.ts';

export async function getTodaysHabitDashboard(
  em: EntityManager,
  userId: number,
  now: Date,
): Promise<HabitDashboard> {
  return getHabitDashboard(em, userId, await localTodayOf(em, userId, now));
}

/** Weekly completion rates for the 12 weeks up to the learner's current week. */
export async function getRecentHabitTrends(
  em: EntityManager,
  userId: number,
  now: Date,
  rawInput: HabitTrendsInput = {},
): Promise<HabitTrends> {
  const input = parseInput(habitTrendsInputSchema, rawInput);
  return getHabitTrends(em, userId, await localTodayOf(em, userId, now), input.habitId);
}
