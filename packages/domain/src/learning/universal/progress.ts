export const LESSON_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export const INTERACTION_KINDS = ['attempt', 'hint', 'skip'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
