import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { criteriaSchema } from '../../universal/criteria.ts';
import { SEED_ACHIEVEMENTS } from './achievements.ts';
import { SEED_AVATARS } from './avatars.ts';
import { SEED_BADGES } from './badges.ts';
import {
  ACHIEVEMENT_CATEGORIES,
  AVATAR_RARITIES,
  type AchievementCategory,
  type AvatarRarity,
} from './types.ts';

const PUBLIC_DIR = new URL('../../../../../../apps/web/public/', import.meta.url);

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and colour type from a PNG's IHDR chunk (which must come first). */
function pngHeader(path: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(new URL(path, PUBLIC_DIR));
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${path} is not a PNG`).toBe(true);
  expect(bytes.toString('ascii', 12, 16), `${path} does not start with IHDR`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes.readUInt8(25) };
}

describe('seed achievements', () => {
  it('are 27 quiz achievements in nine categories and 10 learning achievements', () => {
    const expected: Record<AchievementCategory, number> = {
      getting_started: 3,
      accuracy: 4,
      question_milestones: 4,
      study_streaks: 4,
      a_plus_core_1: 2,
      a_plus_core_2: 2,
      network_plus: 2,
      security_plus: 2,
      levels: 4,
      learning: 10,
    };
    expect(SEED_ACHIEVEMENTS).toHaveLength(37);
    expect(countBy(SEED_ACHIEVEMENTS, (a) => a.category)).toEqual(expected);
    expect(SEED_ACHIEVEMENTS.filter((a) => a.category !== 'learning')).toHaveLength(27);
    expect(Object.keys(expected).sort()).toEqual([...ACHIEVEMENT_CATEGORIES].sort());
  });

  it('have unique snake_case codes and unique names', () => {
    const codes = SEED_ACHIEVEMENTS.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(code.length).toBeLessThanOrEqual(64);
    }
    const names = SEED_ACHIEVEMENTS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(SEED_ACHIEVEMENTS.map((a) => [a.code, a] as const))(
    '%s has valid criteria',
    (_code, achievement) => {
      expect(criteriaSchema.safeParse(achievement.criteria).success).toBe(true);
      if (achievement.criteria.type === 'exam_specific') expect(achievement.criteria.examType).toBeDefined();
    },
  );

  it('have descriptions, non-negative rewards and art named after the code', () => {
    for (const a of SEED_ACHIEVEMENTS) {
      expect(a.name.trim().length).toBeGreaterThan(0);
      expect(a.description).toMatch(/^[A-Z].*\.$/);
      expect(Number.isInteger(a.xpReward) && a.xpReward >= 0).toBe(true);
      expect(a.badgeIconPath).toBe(`achievements/${a.code}.png`);
    }
  });

  it('count up display order within each category, and rewards never fall for a harder rule', () => {
    for (const category of ACHIEVEMENT_CATEGORIES) {
      const inCategory = SEED_ACHIEVEMENTS.filter((a) => a.category === category);
      expect(inCategory.map((a) => a.displayOrder)).toEqual(inCategory.map((_, index) => index + 1));
      for (const a of inCategory) {
        for (const b of inCategory) {
          const sameRule = a.criteria.type === b.criteria.type && a.criteria.examType === b.criteria.examType;
          if (sameRule && a.criteria.value < b.criteria.value) expect(a.xpReward).toBeLessThan(b.xpReward);
        }
      }
    }
  });

  it('hide two or three of the hardest', () => {
    const hidden = SEED_ACHIEVEMENTS.filter((a) => a.isHidden).map((a) => a.code);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeLessThanOrEqual(3);
    expect(hidden).toEqual(expect.arrayContaining(['study_streak_100', 'level_50']));
  });
});

describe('seed avatars', () => {
  const achievementsByCode = new Map(SEED_ACHIEVEMENTS.map((a) => [a.code, a]));

  it('are 3 common, 3 rare, 7 epic and 5 legendary', () => {
    const expected: Record<AvatarRarity, number> = { common: 3, rare: 3, epic: 7, legendary: 5 };
    expect(SEED_AVATARS).toHaveLength(18);
    expect(countBy(SEED_AVATARS, (a) => a.rarity)).toEqual(expected);
  });

  it('have unique codes, names and display orders', () => {
    for (const key of ['code', 'name', 'displayOrder'] as const) {
      const values = SEED_AVATARS.map((a) => a[key]);
      expect(new Set(values).size).toBe(values.length);
    }
    for (const a of SEED_AVATARS) {
      expect(a.code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(a.imagePath).toBe(`avatars/${a.code}.png`);
      expect(a.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('make exactly the common ones the defaults, with no achievement needed', () => {
    for (const a of SEED_AVATARS) {
      expect(a.isDefault).toBe(a.rarity === 'common');
      expect(a.requiredAchievement === undefined).toBe(a.rarity === 'common');
    }
  });

  it('unlock every other one with a different existing achievement, harder for rarer avatars', () => {
    const required = SEED_AVATARS.flatMap((a) => (a.requiredAchievement ? [a.requiredAchievement] : []));
    expect(required).toHaveLength(15);
    expect(new Set(required).size).toBe(required.length);
    for (const code of required) expect(achievementsByCode.has(code)).toBe(true);

    // Reward XP stands in for difficulty: every rarer tier's easiest unlock beats the tier below's hardest.
    const rewards = (rarity: AvatarRarity) =>
      SEED_AVATARS.filter((a) => a.rarity === rarity).map(
        (a) => achievementsByCode.get(a.requiredAchievement ?? '')?.xpReward ?? 0,
      );
    const tiers = AVATAR_RARITIES.filter((rarity) => rarity !== 'common');
    for (let i = 1; i < tiers.length; i++) {
      const [lower, higher] = [tiers[i - 1], tiers[i]];
      if (!lower || !higher) throw new Error('unreachable');
      expect(Math.min(...rewards(higher))).toBeGreaterThan(Math.max(...rewards(lower)));
    }
  });

  it('keep hidden achievements secret in their descriptions', () => {
    for (const avatar of SEED_AVATARS) {
      const achievement = achievementsByCode.get(avatar.requiredAchievement ?? '');
      if (achievement?.isHidden) expect(avatar.description).not.toContain(achievement.name);
    }
  });
});

describe('seed badges', () => {
  it('are the three rule badges and the three tag badges', () => {
    expect(SEED_BADGES.map((b) => b.code)).toEqual([
      'STREAK_3',
      'XP_500',
      'FIRST_SESSION',
      'early-adopter',
      'top-contributor',
      'moderator',
    ]);
  });

  it('give rule badges valid criteria and 64px art, and tag badges no criteria and 16px art too', () => {
    for (const badge of SEED_BADGES) {
      expect(badge.iconPath64).toBe(`badges/${badge.code}_64.png`);
      expect(badge.code.length).toBeLessThanOrEqual(50);
      if (badge.isTagBadge) {
        expect(badge.criteria).toBeUndefined();
        expect(badge.iconPath16).toBe(`badges/${badge.code}_16.png`);
      } else {
        expect(criteriaSchema.safeParse(badge.criteria).success).toBe(true);
        expect(badge.iconPath16).toBeUndefined();
      }
    }
    expect(SEED_BADGES.filter((b) => b.isTagBadge).map((b) => b.code)).toEqual([
      'early-adopter',
      'top-contributor',
      'moderator',
    ]);
  });

  it('keep the specified names, descriptions and rules', () => {
    const byCode = new Map(SEED_BADGES.map((b) => [b.code, b]));
    expect(byCode.get('STREAK_3')).toMatchObject({
      name: '3-Day Streak',
      description: 'Complete a 3-day practice streak.',
      icon: '🔥',
      criteria: { type: 'study_streak', value: 3 },
    });
    expect(byCode.get('XP_500')).toMatchObject({
      name: '500 XP',
      description: 'Earn a total of 500 XP.',
      icon: '⭐',
      criteria: { type: 'xp_total', value: 500 },
    });
    expect(byCode.get('FIRST_SESSION')).toMatchObject({
      name: 'Getting Started',
      description: 'Complete your first practice session.',
      icon: '🎯',
      criteria: { type: 'sessions_completed', value: 1 },
    });
    expect(byCode.get('early-adopter')?.name).toBe('Early Adopter');
    expect(byCode.get('top-contributor')?.name).toBe('Top Contributor');
    expect(byCode.get('moderator')?.name).toBe('Moderator');
  });
});

describe('artwork', () => {
  const referenced: readonly (readonly [string, number])[] = [
    ...SEED_ACHIEVEMENTS.map((a) => [a.badgeIconPath, 64] as const),
    ...SEED_AVATARS.map((a) => [a.imagePath, 64] as const),
    ...SEED_BADGES.flatMap((b) => [
      [b.iconPath64, 64] as const,
      ...(b.iconPath16 ? [[b.iconPath16, 16] as const] : []),
    ]),
  ];

  it('references 64 distinct files', () => {
    expect(referenced).toHaveLength(64);
    expect(new Set(referenced.map(([path]) => path)).size).toBe(64);
  });

  it.each(referenced)('%s is a %ipx RGBA PNG', (path, size) => {
    expect(pngHeader(path)).toEqual({ width: size, height: size, colorType: 6 });
  });

  it('is exactly what the manifest lists, so the generator redraws every file', () => {
    const manifestSchema = z.object({
      files: z.array(z.object({ file: z.string(), size: z.number().int() })),
    });
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(new URL('artwork-manifest.json', PUBLIC_DIR), 'utf8')),
    );
    const listed = manifest.files.map(({ file, size }) => [file, size] as const);
    expect([...listed].sort()).toEqual([...referenced].sort());
  });
});
