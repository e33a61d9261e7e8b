import { describe, expect, it } from 'vitest';
import { toAvatarView, type AvatarFacts } from './avatars.ts';

const base: AvatarFacts = {
  id: 1,
  code: 'ping-penguin',
  name: 'Ping Penguin',
  description: 'Unlock by earning Eager Learner',
  imageUrl: '/avatars/ping-penguin.png',
  rarity: 'rare',
  isDefault: false,
  unlockedAt: null,
  selected: false,
  achievement: {
    code: 'lessons_10',
    name: 'Eager Learner',
    description: 'Complete 10 lessons.',
    isHidden: false,
    earned: false,
  },
};
const progress = { current: 4, target: 10, met: false };

describe('toAvatarView', () => {
  it.each([
    [
      'a default avatar: unlocked, nothing to earn',
      { ...base, isDefault: true, achievement: null },
      true,
      null,
    ],
    [
      'a locked one: the achievement and progress',
      base,
      false,
      {
        achievementCode: 'lessons_10',
        hidden: false,
        achievementName: 'Eager Learner',
        achievementDescription: 'Complete 10 lessons.',
        progress: { current: 4, target: 10 },
      },
    ],
    [
      'an unlocked one: progress complete',
      { ...base, unlockedAt: new Date('2026-03-01T00:00:00Z') },
      true,
      {
        achievementCode: 'lessons_10',
        hidden: false,
        achievementName: 'Eager Learner',
        achievementDescription: 'Complete 10 lessons.',
        progress: { current: 10, target: 10 },
      },
    ],
    [
      'one behind a hidden achievement: the secret kept',
      {
        ...base,
        achievement: {
          code: 'level_50',
          name: 'Grandmaster',
          description: 'Reach level 50.',
          isHidden: true,
          earned: false,
        },
      },
      false,
      {
        achievementCode: 'hidden',
        hidden: true,
        achievementName: null,
        achievementDescription: null,
        progress: null,
      },
    ],
  ])('%s', (_name, facts, unlocked, unlockedBy) => {
    const view = toAvatarView(facts, facts.isDefault ? null : progress);
    expect(view.unlocked).toBe(unlocked);
    expect(view.unlockedBy).toEqual(unlockedBy);
  });

  it('reveals a hidden achievement once earned', () => {
    const facts: AvatarFacts = {
      ...base,
      unlockedAt: new Date('2026-03-01T00:00:00Z'),
      achievement: {
        code: 'level_50',
        name: 'Grandmaster',
        description: 'Reach level 50.',
        isHidden: true,
        earned: true,
      },
    };
    expect(toAvatarView(facts, progress).unlockedBy).toMatchObject({
      hidden: false,
      achievementName: 'Grandmaster',
    });
  });
});
