// Habit strength (DESIGN §4), after Loop Habit Tracker: exponential smoothing over the habit's
// periods — a hit moves the score toward 100, a miss decays it toward 0 — with a half-life of
// 13 days for a daily habit that stretches as the target frequency falls (13·√(7/k) days for
// k periods a week), so a weekly habit is not crushed by the six days it is not due.
import {
  metPeriodsOf,
  periodDates,
  periodOf,
  scheduledDaysPerWeek,
  type DateRange,
  type HabitDay,
  type HabitRule,
} from './habit-periods.ts';

const DAILY_HALF_LIFE_DAYS = 13;
/** History older than this many half-lives weighs under 2⁻²⁷ (< 10⁻⁶ of a point), so it is not read. */
const HALF_LIVES_REMEMBERED = 27;

function periodsPerDay(rule: HabitRule): number {
  if (rule.goalType === 'daily') return 1;
  if (rule.goalType === 'weekly') return 1 / 7;
  return scheduledDaysPerWeek(rule) / 7;
}

/** Half-life in periods: Loop's 13/√f days for f periods a day, counted in periods (13·√f). */
export function strengthHalfLife(rule: HabitRule): number {
  return DAILY_HALF_LIFE_DAYS * Math.sqrt(periodsPerDay(rule));
}

/** What a score keeps through one missed period. */
export function strengthMultiplier(rule: HabitRule): number {
  return 0.5 ** (1 / strengthHalfLife(rule));
}

/** How many periods up to the scored one count. */
export function strengthHorizon(rule: HabitRule): number {
  return Math.ceil(strengthHalfLife(rule) * HALF_LIVES_REMEMBERED);
}

/**
 * One period's step. Written so rounding can never make a hit lower the score, a miss raise it,
 * or a higher score end lower: each branch is monotone in `score` and clamped to [0, 100].
 */
export function nextStrength(score: number, hit: boolean, multiplier: number): number {
  const decayed = score * multiplier;
  if (!hit) return decayed;
  return Math.max(score, Math.min(100, decayed + 100 * (1 - multiplier)));
}

/** The score after a sequence of periods (oldest first), starting from 0. */
export function strengthOfSequence(hits: readonly boolean[], multiplier: number): number {
  return hits.reduce((score, hit) => nextStrength(score, hit, multiplier), 0);
}

/** The score right after `period`, from the met periods of the last `strengthHorizon` ones. */
export function strengthAt(rule: HabitRule, days: readonly HabitDay[], period: number): number {
  const met = metPeriodsOf(rule, days);
  const multiplier = strengthMultiplier(rule);
  let score = 0;
  for (let p = period - strengthHorizon(rule) + 1; p <= period; p += 1) {
    score = nextStrength(score, met.has(p), multiplier);
  }
  return score;
}

/** What `habit_streaks.strength` stores: the score right after the latest met period (0 before any). */
export function storedStrengthOf(
  rule: HabitRule,
  days: readonly HabitDay[],
  lastMetDate: string | null,
): number {
  return lastMetDate === null ? 0 : strengthAt(rule, days, periodOf(rule, lastMetDate));
}

/** The history `storedStrengthOf` reads. */
export function strengthWindowFor(rule: HabitRule, lastMetDate: string): DateRange {
  const last = periodOf(rule, lastMetDate);
  return {
    from: periodDates(rule, last - strengthHorizon(rule) + 1).first,
    to: periodDates(rule, last).last,
  };
}

/**
 * The score on `today` from the stored one, without reading history: every finished period
 * since the latest met one was a miss; today's unfinished period is not a miss yet.
 */
export function strengthOn(
  rule: HabitRule,
  stored: number,
  lastMetDate: string | null,
  today: string,
): number {
  if (lastMetDate === null) return 0;
  const misses = Math.max(0, periodOf(rule, today) - 1 - periodOf(rule, lastMetDate));
  return stored * strengthMultiplier(rule) ** misses;
}

/** Recomputation from history (within 10⁻⁶ of `strengthOn`, which forgets the same tail). */
export function computeHabitStrength(rule: HabitRule, days: readonly HabitDay[], today: string): number {
  let end = periodOf(rule, today) - 1;
  for (const period of metPeriodsOf(rule, days).keys()) end = Math.max(end, period);
  return strengthAt(rule, days, end);
}

/** One sentence for the app: where the habit stands and how the score moves. */
export function explainStrength(score: number): string {
  if (!Number.isFinite(score)) throw new RangeError(`not a strength score: ${score}`);
  const percent = Math.round(Math.min(100, Math.max(0, score)));
  const standing =
    percent >= 80
      ? 'this habit is firmly established'
      : percent >= 50
        ? 'this habit is taking hold'
        : percent >= 20
          ? 'this habit is forming'
          : percent > 0
            ? 'this habit is fragile'
            : 'this habit has not started yet';
  return `Strength ${percent}%: ${standing} — each check-in raises it, each miss lowers it, and recent ones count most.`;
}
