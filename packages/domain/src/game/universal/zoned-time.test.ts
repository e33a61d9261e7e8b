import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLocalDate } from './local-day.ts';
import {
  dateToDay,
  dayToDate,
  localDayOf,
  localTimeToInstant,
  startOfLocalDay,
  utcOffsetMs,
} from './zoned-time.ts';

const HOUR = 3_600_000;
const ZONES = [
  'UTC',
  'Europe/Madrid',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Niue',
  'Pacific/Apia',
  'Africa/Monrovia',
];

describe('utcOffsetMs', () => {
  it.each([
    ['2026-03-01T12:00:00Z', 'Pacific/Kiritimati', 14 * HOUR],
    ['2026-03-01T12:00:00Z', 'Pacific/Niue', -11 * HOUR],
    ['2026-03-29T00:59:59Z', 'Europe/Madrid', 1 * HOUR],
    ['2026-03-29T01:00:00Z', 'Europe/Madrid', 2 * HOUR],
    ['2026-03-01T12:00:00.999Z', 'Asia/Kathmandu', 5.75 * HOUR],
    ['2026-11-01T06:00:00Z', 'America/New_York', -5 * HOUR],
  ])('%s in %s', (instant, zone, offset) => {
    expect(utcOffsetMs(new Date(instant), zone)).toBe(offset);
  });
});

describe('localDayOf', () => {
  it('gives the date toLocalDate gives, in any zone, at any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          expect(dayToDate(localDayOf(instant, zone))).toBe(toLocalDate(instant, zone));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
    ['2026-03-29', 'Europe/Madrid', '2026-03-28T23:00:00.000Z'], // a 23-hour day
    ['2026-03-30', 'Europe/Madrid', '2026-03-29T22:00:00.000Z'],
    ['2026-03-02', 'Pacific/Kiritimati', '2026-03-01T10:00:00.000Z'],
    ['2026-03-02', 'Pacific/Niue', '2026-03-02T11:00:00.000Z'],
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'], // midnight skipped: starts 01:00
    ['2011-12-31', 'Pacific/Apia', '2011-12-30T10:00:00.000Z'], // Samoa jumped over 30 December
  ])('%s in %s starts at %s', (date, zone, start) => {
    expect(startOfLocalDay(dateToDay(date), zone).toISOString()).toBe(start);
  });

  it('is the first instant of the day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dateToDay('1990-01-01'), max: dateToDay('2040-01-01') }),
        fc.constantFrom(...ZONES),
        (day, zone) => {
          const start = startOfLocalDay(day, zone);
          expect(localDayOf(start, zone)).toBeGreaterThanOrEqual(day);
          expect(localDayOf(new Date(start.getTime() - 1), zone)).toBeLessThan(day);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('localTimeToInstant', () => {
  it.each([
    ['2026-03-01', '23:59:59', 'Pacific/Kiritimati', '2026-03-01T09:59:59.000Z'],
    ['2026-03-02', '00:00:00', 'Pacific/Niue', '2026-03-02T11:00:00.000Z'],
    ['2026-03-29', '02:30:00', 'Europe/Madrid', '2026-03-29T01:30:00.000Z'], // inside the gap: after it
    ['2026-07-01', '12:00:00', 'Europe/Madrid', '2026-07-01T10:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, instant) => {
    expect(localTimeToInstant(date, time, zone).toISOString()).toBe(instant);
  });

  it('refuses what is not a date and time', () => {
    expect(() => localTimeToInstant('2026-02-30x', '12:00:00', 'UTC')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('convert both ways', () => {
    expect(dateToDay('1970-01-01')).toBe(0);
    expect(dayToDate(dateToDay('2026-03-01') + 1)).toBe('2026-03-02');
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(dateToDay(dayToDate(day))).toBe(day);
      }),
    );
  });
});
