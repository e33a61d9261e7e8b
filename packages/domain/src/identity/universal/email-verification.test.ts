import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESEND_POLICY, resendDelayMs } from './email-verification.ts';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MINUTE = 60_000;

describe('resendDelayMs', () => {
  it.each([
    ['nothing sent yet', [], 0],
    ['the last one a minute ago', [ago(MINUTE)], 0],
    ['the last one 20 s ago', [ago(20_000)], 40_000],
    ['four in the last hour, the latest 2 minutes ago', [50, 40, 10, 2].map((m) => ago(m * MINUTE)), 0],
    // The fifth-latest (50 min ago) must leave the hour: 10 more minutes.
    ['five in the last hour', [50, 40, 30, 10, 2].map((m) => ago(m * MINUTE)), 10 * MINUTE],
    ['five, the oldest over an hour ago', [61, 40, 30, 10, 2].map((m) => ago(m * MINUTE)), 0],
  ])('%s', (_, sentAt, wait) => {
    expect(resendDelayMs(sentAt, now)).toBe(wait);
  });

  it('never lets more than the cap through in any hour, nor two within the interval', () => {
    // Replays a learner asking at arbitrary moments; sends happen only when the wait is 0.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * 60 * MINUTE }), { maxLength: 60 }), (offsets) => {
        const sent: Date[] = [];
        for (const offset of [...offsets].sort((a, b) => a - b)) {
          const at = new Date(now.getTime() + offset);
          if (resendDelayMs(sent, at) === 0) sent.push(at);
        }
        for (const [i, at] of sent.entries()) {
          const inHour = sent.filter((s) => s <= at && s.getTime() > at.getTime() - RESEND_POLICY.windowMs);
          expect(inHour.length).toBeLessThanOrEqual(RESEND_POLICY.maxPerWindow);
          const previous = sent[i - 1];
          if (previous)
            expect(at.getTime() - previous.getTime()).toBeGreaterThanOrEqual(RESEND_POLICY.minIntervalMs);
        }
      }),
    );
  });
});
