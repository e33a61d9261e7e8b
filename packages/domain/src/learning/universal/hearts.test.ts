import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEARTS_CONFIG,
  loseOne,
  msUntilNextHeart,
  regenerateHearts,
  type HeartsState,
} from './hearts.ts';

const HOUR = 60 * 60 * 1000;
const t0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('regenerateHearts', () => {
  it('is full and clockless at max', () => {
    expect(regenerateHearts({ hearts: 5, regenFrom: null }, t0)).toEqual({
      hearts: 5,
      max: 5,
      regenFrom: null,
      nextHeartAt: null,
      regenerated: 0,
    });
  });

  it.each([
    [0, 0, at(4 * HOUR)],
    [4 * HOUR - 1, 0, at(4 * HOUR)],
    [4 * HOUR, 1, at(8 * HOUR)],
    [9 * HOUR, 2, at(12 * HOUR)],
    [12 * HOUR, 3, null],
    [100 * HOUR, 3, null],
  ])('from 2 hearts, %i ms later has %i more (next at %s)', (elapsed, gained, next) => {
    const view = regenerateHearts({ hearts: 2, regenFrom: t0 }, at(elapsed));
    expect(view.hearts).toBe(2 + gained);
    expect(view.regenerated).toBe(gained);
    expect(view.nextHeartAt).toEqual(next);
  });

  it('keeps the cadence: the clock moves by whole intervals', () => {
    const view = regenerateHearts({ hearts: 1, regenFrom: t0 }, at(5 * HOUR));
    expect(view.regenFrom).toEqual(at(4 * HOUR));
    expect(view.nextHeartAt).toEqual(at(8 * HOUR));
  });

  it('gains nothing before its clock (clock skew)', () => {
    expect(regenerateHearts({ hearts: 1, regenFrom: t0 }, at(-HOUR)).hearts).toBe(1);
  });

  it('treats a below-max state with no clock as regenerated', () => {
    expect(regenerateHearts({ hearts: 2, regenFrom: null }, t0)).toMatchObject({ hearts: 5, regenerated: 3 });
  });

  it('follows its configuration', () => {
    const config = { max: 3, intervalMs: HOUR };
    expect(regenerateHearts({ hearts: 0, regenFrom: t0 }, at(2 * HOUR), config)).toMatchObject({
      hearts: 2,
      max: 3,
      nextHeartAt: at(3 * HOUR),
    });
  });
});

describe('loseOne', () => {
  it('starts the clock when the count first falls below max', () => {
    expect(loseOne({ hearts: 5, regenFrom: null }, t0)).toMatchObject({
      hearts: 4,
      regenFrom: t0,
      nextHeartAt: at(4 * HOUR),
      lost: true,
    });
  });

  it('keeps a running clock', () => {
    expect(loseOne({ hearts: 3, regenFrom: t0 }, at(HOUR))).toMatchObject({ hearts: 2, regenFrom: t0 });
  });

  it('regenerates before taking', () => {
    expect(loseOne({ hearts: 0, regenFrom: t0 }, at(4 * HOUR))).toMatchObject({
      hearts: 0,
      regenerated: 1,
      regenFrom: at(4 * HOUR),
      lost: true,
    });
  });

  it('takes nothing at 0', () => {
    expect(loseOne({ hearts: 0, regenFrom: t0 }, at(HOUR))).toMatchObject({ hearts: 0, lost: false });
  });
});

describe('msUntilNextHeart', () => {
  it('is null at max and the rest of the interval otherwise', () => {
    expect(msUntilNextHeart({ hearts: 5, regenFrom: null }, t0)).toBeNull();
    expect(msUntilNextHeart({ hearts: 4, regenFrom: t0 }, at(HOUR))).toBe(3 * HOUR);
  });
});

// A learner's history: losses and reads at non-decreasing instants.
const steps = fc.array(fc.record({ lose: fc.boolean(), afterMs: fc.nat(10 * HOUR) }), { maxLength: 60 });

describe('hearts properties', () => {
  it('hold over any sequence of losses and reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), steps, (start, history) => {
        const { max, intervalMs } = DEFAULT_HEARTS_CONFIG;
        let state: HeartsState = { hearts: start, regenFrom: start < max ? t0 : null };
        let now = t0;
        for (const step of history) {
          now = new Date(now.getTime() + step.afterMs);
          const view = regenerateHearts(state, now);
          expect(view.hearts).toBeGreaterThanOrEqual(0);
          expect(view.hearts).toBeLessThanOrEqual(max);
          expect(view.hearts).toBeGreaterThanOrEqual(state.hearts);
          expect(regenerateHearts(view, now)).toEqual({ ...view, regenerated: 0 });
          const wait = msUntilNextHeart(state, now);
          if (view.hearts === max) expect(wait).toBeNull();
          else {
            expect(wait).toBeGreaterThan(0);
            expect(wait).toBeLessThanOrEqual(intervalMs);
          }
          if (step.lose) {
            const after = loseOne(state, now);
            expect(after.lost).toBe(view.hearts > 0);
            expect(after.hearts).toBe(Math.max(0, view.hearts - 1));
            state = after;
          } else state = view;
        }
      }),
    );
  });

  it('regenerate the same whether read often or once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.nat(6 * HOUR), { maxLength: 20 }),
        (hearts, gaps) => {
          let state: HeartsState = { hearts, regenFrom: t0 };
          let now = t0;
          for (const gap of gaps) {
            now = new Date(now.getTime() + gap);
            state = regenerateHearts(state, now);
          }
          const once = regenerateHearts({ hearts, regenFrom: t0 }, now);
          expect({ ...regenerateHearts(state, now), regenerated: 0 }).toEqual({ ...once, regenerated: 0 });
        },
      ),
    );
  });
});
