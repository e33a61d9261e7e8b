export const XP_SOURCES = ['lesson', 'exercise', 'quiz', 'achievement', 'badge', 'habit', 'admin'] as const;
export type XpSource = (typeof XP_SOURCES)[number];

export const STREAK_DAY_STATUSES = ['practiced', 'frozen', 'repaired'] as const;
export type StreakDayStatus = (typeof STREAK_DAY_STATUSES)[number];

export const HEART_ACTIONS = ['lost', 'regenerated', 'refilled'] as const;
export type HeartAction = (typeof HEART_ACTIONS)[number];
