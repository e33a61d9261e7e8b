// Cumulative XP needed to reach level L is 25·L·(L−1): L1 = 0, L2 = 50, L3 = 150, L4 = 300 …

export const XP_PER_LEVEL_STEP = 25;

/** Total XP at which `level` (≥ 1) is reached. */
export function xpForLevel(level: number): number {
  if (!Number.isInteger(level) || level < 1)
    throw new RangeError(`level must be an integer ≥ 1, got ${level}`);
  return XP_PER_LEVEL_STEP * level * (level - 1);
}

/** The level held with `xp` total XP; the closed-form inverse of `xpForLevel`. */
export function levelForXp(xp: number): number {
  if (!Number.isFinite(xp) || xp < 0) throw new RangeError(`xp must be a finite number ≥ 0, got ${xp}`);
  // Solve 25·L² − 25·L − xp = 0 for L, then floor; the correction steps absorb floating-point error.
  let level = Math.floor((1 + Math.sqrt(1 + (4 * xp) / XP_PER_LEVEL_STEP)) / 2);
  while (level > 1 && xpForLevel(level) > xp) level -= 1;
  while (xpForLevel(level + 1) <= xp) level += 1;
  return level;
}

export interface LevelProgress {
  readonly level: number;
  readonly xp: number;
  /** XP earned since the current level was reached. */
  readonly xpIntoLevel: number;
  /** XP between the current level and the next. */
  readonly xpForNextLevel: number;
}

export function levelProgress(xp: number): LevelProgress {
  const level = levelForXp(xp);
  const floor = xpForLevel(level);
  return { level, xp, xpIntoLevel: xp - floor, xpForNextLevel: xpForLevel(level + 1) - floor };
}
