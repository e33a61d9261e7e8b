import { describe, expect, it } from 'vitest';
import { toAchievementView, type AchievementFacts } from './achievement-view.ts';

const facts: AchievementFacts = {
  code: 'quizzes_10',
  name: 'Quiz Regular',
  description: 'Complete 10 quizzes.',
  category: 'getting_started',
  iconUrl: '/achievements/quizzes_10.png',
  xpReward: 50,
  isHidden: false,
  unlocksAvatar: 'packet-fox',
};

describe('toAchievementView', () => {
  it('shows a locked achievement with its progress', () => {
    const view = toAchievementView(facts, { current: 7, target: 10, met: false }, null);
    expect(view).toMatchObject({
      hidden: false,
      name: 'Quiz Regular',
      progress: { current: 7, target: 10 },
      earnedAt: null,
    });
  });

  it('shows an earned achievement as complete', () => {
    const earnedAt = new Date('2026-03-01T00:00:00Z');
    expect(toAchievementView(facts, { current: 10, target: 10, met: true }, earnedAt)).toMatchObject({
      earnedAt,
      progress: { current: 10, target: 10 },
    });
  });

  it('reveals nothing of a hidden achievement until it is earned', () => {
    const hidden = { ...facts, isHidden: true };
    const locked = toAchievementView(hidden, { current: 9, target: 10, met: false }, null);
    expect(locked).toMatchObject({
      hidden: true,
      progress: null,
      xpReward: 0,
      iconUrl: null,
      unlocksAvatar: null,
    });
    expect(JSON.stringify(locked)).not.toContain('Quiz Regular');
    expect(toAchievementView(hidden, { current: 10, target: 10, met: true }, new Date()).name).toBe(
      'Quiz Regular',
    );
  });
});
