import { dayToDate, localDayOf, startOfLocalDay } from './zoned-time.ts';

/** A completed lesson or quiz: when, and the learner's time zone at that moment. */
export interface PracticeInstant {
  readonly instant: Date;
  readonly timeZone: string;
}

interface Observation extends PracticeInstant {
  /** Day number of the local date the observation shows: `instant` in `timeZone`, fixed forever. */
  readonly day: number;
}

export interface LivedDays {
  /** The learner's current day: the latest date any observation shows. */
  readonly today: string;
  /** Lived days from the first practice date to today, in order (empty without practice). */
  readonly lived: readonly string[];
  /** Dates between the first practice and today that a move jumped over. */
  readonly skipped: readonly string[];
  /** Local dates with at least one completed lesson or quiz (up to now). */
  readonly practiceDates: ReadonlySet<string>;
}

/**
 * Lived days: the calendar dates a learner's streak is judged on.
 *
 * Observations are the practices at or before `now`, in instant order, then `now` in the current
 * zone; each shows a local date (its instant in its zone).
 * - Today is the latest date any observation shows. A move west never turns the calendar back: a
 *   date met again after such a move is the same date, counted once.
 * - Between consecutive observations p and q the learner changed zone at most once, at the moment
 *   most favourable to them. If at some instant τ in [p, q] q's zone already shows a date at least
 *   two days past both the latest date seen so far and p's zone's date at τ, a move at τ jumps over
 *   the date in between: that date (for the earliest such τ) is skipped, so neither missed nor
 *   counted. Only a move of more than 24 hours east can do it (UTC−11 → UTC+14).
 * - Lived days are every date from the earliest practice date to today except skipped ones; a
 *   practice date is always lived.
 */
export function resolveLivedDays(
  history: readonly PracticeInstant[],
  now: Date,
  timeZone: string,
): LivedDays {
  const practices = history
    .filter((practice) => practice.instant.getTime() <= now.getTime())
    .map(observe)
    .sort((a, b) => a.instant.getTime() - b.instant.getTime());
  const practiceDays = new Set(practices.map((practice) => practice.day));
  const observations = [...practices, observe({ instant: now, timeZone })];
  const skipped = new Set<number>();
  let latest = observations[0]?.day ?? localDayOf(now, timeZone);
  for (let index = 1; index < observations.length; index += 1) {
    const previous = observations[index - 1];
    const next = observations[index];
    if (!previous || !next) continue;
    const jumped = findSkippedDay(previous, next, latest);
    if (jumped !== null && !practiceDays.has(jumped)) skipped.add(jumped);
    latest = Math.max(latest, next.day);
  }
  const lived: string[] = [];
  for (let day = Math.min(...practiceDays); day <= latest; day += 1) {
    if (!skipped.has(day)) lived.push(dayToDate(day));
  }
  return {
    today: dayToDate(latest),
    lived,
    skipped: [...skipped].sort((a, b) => a - b).map(dayToDate),
    practiceDates: new Set([...practiceDays].map(dayToDate)),
  };
}

function observe(practice: PracticeInstant): Observation {
  return { ...practice, day: localDayOf(practice.instant, practice.timeZone) };
}

/** The day a move between `from` and `to` can jump over, or null; `latest` is the latest day seen. */
function findSkippedDay(from: Observation, to: Observation, latest: number): number | null {
  if (to.day < latest + 2 || from.timeZone === to.timeZone) return null;
  // The condition can only start to hold when `to`'s zone enters a new day, so these moments suffice.
  const moments = function* (): Generator<Date> {
    yield from.instant;
    const firstDay = Math.max(localDayOf(from.instant, to.timeZone) + 1, latest + 2);
    for (let day = firstDay; day <= to.day; day += 1) {
      const start = startOfLocalDay(day, to.timeZone);
      if (start > from.instant && start <= to.instant) yield start;
    }
  };
  for (const moment of moments()) {
    const before = Math.max(latest, localDayOf(moment, from.timeZone));
    if (localDayOf(moment, to.timeZone) >= before + 2) return before + 1;
  }
  return null;
}
