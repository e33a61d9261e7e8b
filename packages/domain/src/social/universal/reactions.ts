export const REACTION_KINDS = ['like', 'love', 'celebrate', 'insightful', 'funny'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const MAX_HIGHLIGHTS = 128;
export const REACTIONS_TAB_LIMIT = 8192;
