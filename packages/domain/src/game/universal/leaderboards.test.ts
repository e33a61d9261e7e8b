import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekEnd, isoWeekOf } from './leaderboards.ts';

const WEEK_MS = 7 * 86_400_000;

describe('isoWeekOf and isoWeekEnd', () => {
  it.each([
    ['2026-11-26T12:00:00Z', '2026-W48', '2026-11-30T00:00:00.000Z'],
    ['2021-01-03T23:59:59Z', '2020-W53', '2021-01-04T00:00:00.000Z'],
    ['2024-12-30T00:00:00Z', '2025-W01', '2025-01-06T00:00:00.000Z'],
  ])('%s is in %s, which ends at %s', (instant, week, end) => {
    expect(isoWeekOf(new Date(instant))).toBe(week);
    expect(isoWeekEnd(week)?.toISOString()).toBe(end);
  });

  it('puts every instant in the last seven days of its week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (instant) => {
          const end = isoWeekEnd(isoWeekOf(instant));
          expect(end).not.toBeNull();
          const ms = end?.getTime() ?? 0;
          expect(instant.getTime()).toBeLessThan(ms);
          expect(instant.getTime()).toBeGreaterThanOrEqual(ms - WEEK_MS);
        },
      ),
    );
  });

  it('answers null for text that is not a week', () => {
    expect(isoWeekEnd('all')).toBeNull();
    expect(isoWeekEnd('2026-W54')).toBeNull();
    expect(isoWeekEnd('2026-W00')).toBeNull();
  });
});
