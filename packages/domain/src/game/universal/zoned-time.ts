// Wall-clock arithmetic in IANA time zones, for rules that must find where a local day begins
// (a move across the date line, a DST night). Intl is the only source of zone rules here.
// Days are also handled as day numbers (days since 1970-01-01), so loops over them stay cheap.

const DAY_MS = 86_400_000;
const WALL_CLOCK_TEXT = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `instant` in `timeZone`, as a UTC timestamp with the same fields. */
function wallClockMs(instant: Date, timeZone: string): number {
  const formatter = wallClockIn(timeZone);
  // format() and a pattern are about three times faster than formatToParts(), which stays the fallback.
  const match = WALL_CLOCK_TEXT.exec(formatter.format(instant));
  if (match) {
    const [, month, day, year, hour, minute, second] = match.map(Number);
    return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second);
  }
  const parts = formatter.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  const wall = new Date(0);
  wall.setUTCFullYear(field('year'), field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'));
  return wall.getTime();
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds (UTC+14 → 14 h). */
export function utcOffsetMs(instant: Date, timeZone: string): number {
  const wholeSeconds = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  return wallClockMs(instant, timeZone) - wholeSeconds;
}

/** The day number of `instant`'s local date in `timeZone` (the date `toLocalDate` gives). */
export function localDayOf(instant: Date, timeZone: string): number {
  return Math.floor(wallClockMs(instant, timeZone) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of `YYYY-MM-DD`. */
export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * The first instant whose local date in `timeZone` is `day` or later: local midnight, or the end
 * of the gap when a DST change skips midnight itself.
 */
export function startOfLocalDay(day: number, timeZone: string): Date {
  const midnightUtc = day * DAY_MS;
  const guess = midnightUtc - utcOffsetMs(new Date(midnightUtc), timeZone);
  const refined = new Date(midnightUtc - utcOffsetMs(new Date(guess), timeZone));
  const startsThere =
    localDayOf(refined, timeZone) === day && localDayOf(new Date(refined.getTime() - 1), timeZone) < day;
  if (startsThere) return refined;
  // Midnight does not exist that day: search the first instant of the day (offsets lie in ±15 h).
  let low = midnightUtc - 15 * 3_600_000;
  let high = midnightUtc + 15 * 3_600_000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDayOf(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The instant at which `timeZone`'s wall clock shows `date` `time` (`HH:MM:SS`); tests and seeds. */
export function localTimeToInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}Z`);
  if (Number.isNaN(wall)) throw new RangeError(`not a local date and time: ${date} ${time}`);
  // Two passes settle on the offset in force at the result; a wall time inside a DST gap lands
  // just after the gap.
  const first = wall - utcOffsetMs(new Date(wall), timeZone);
  return new Date(wall - utcOffsetMs(new Date(first), timeZone));
}
