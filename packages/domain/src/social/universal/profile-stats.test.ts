import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../game/universal/local-day.ts';
import { answerAccuracy, liveStudyStreak } from './profile-stats.ts';

describe('liveStudyStreak', () => {
  const today = '2026-03-10';
  it.each([
    ['practised today', { current: 5, lastActivityDate: '2026-03-10', freezesHeld: 0 }, 5],
    [
      'practised yesterday (at risk, not lost)',
      { current: 5, lastActivityDate: '2026-03-09', freezesHeld: 0 },
      5,
    ],
    ['missed one day, no freeze', { current: 5, lastActivityDate: '2026-03-08', freezesHeld: 0 }, 0],
    ['missed one day, one freeze held', { current: 8, lastActivityDate: '2026-03-08', freezesHeld: 1 }, 8],
    ['missed two days, two freezes held', { current: 8, lastActivityDate: '2026-03-07', freezesHeld: 2 }, 8],
    [
      'missed three days, two freezes held',
      { current: 8, lastActivityDate: '2026-03-06', freezesHeld: 2 },
      0,
    ],
    ['never practised', { current: 0, lastActivityDate: null, freezesHeld: 0 }, 0],
    [
      'last day ahead of today after a move west',
      { current: 3, lastActivityDate: '2026-03-11', freezesHeld: 0 },
      3,
    ],
    ['across a month end', { current: 4, lastActivityDate: '2026-02-28', freezesHeld: 0 }, 0],
  ])('%s', (_, stored, expected) => {
    expect(liveStudyStreak(stored, today)).toBe(expected);
  });

  it('is the stored streak or nothing, and survives exactly as many missed days as freezes held', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 10 }),
        (current, freezes, missed) => {
          const last = '2026-03-01';
          const live = liveStudyStreak(
            { current, lastActivityDate: last, freezesHeld: freezes },
            addDays(last, missed + 1),
          );
          expect(live).toBe(missed <= freezes ? current : 0);
        },
      ),
    );
  });
});

describe('answerAccuracy', () => {
  it.each([
    [0, 0, null],
    [0, 4, 0],
    [7, 10, 70],
    [2, 3, 66.67],
    [10, 10, 100],
  ])('%i of %i right is %s', (correct, answered, expected) => {
    expect(answerAccuracy(correct, answered)).toBe(expected);
  });
});
