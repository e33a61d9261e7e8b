import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, toLocalDate } from './local-day.ts';

describe('toLocalDate', () => {
  it.each([
    ['2026-03-01T23:59:59Z', 'UTC', '2026-03-01'],
    ['2026-03-02T00:00:00Z', 'UTC', '2026-03-02'],
    ['2026-03-01T10:30:00Z', 'Pacific/Kiritimati', '2026-03-02'], // UTC+14
    ['2026-03-01T10:30:00Z', 'Pacific/Niue', '2026-02-28'], // UTC−11
    ['2026-03-29T00:30:00Z', 'Europe/Madrid', '2026-03-29'], // the night clocks go forward
    ['2026-10-25T23:30:00Z', 'Europe/Madrid', '2026-10-26'], // after clocks go back: UTC+1
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(toLocalDate(new Date(instant), zone)).toBe(date);
  });

  it('never differs from the UTC date by more than one day', () => {
    const zones = [
      'UTC',
      'Pacific/Kiritimati',
      'Pacific/Niue',
      'Europe/Madrid',
      'Asia/Kolkata',
      'America/St_Johns',
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const utc = instant.toISOString().slice(0, 10);
          expect([addDays(utc, -1), utc, addDays(utc, 1)]).toContain(toLocalDate(instant, zone));
        },
      ),
    );
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('is undone by the opposite shift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (offset, days) => {
          const date = addDays('1970-01-01', offset);
          expect(addDays(addDays(date, days), -days)).toBe(date);
        },
      ),
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
