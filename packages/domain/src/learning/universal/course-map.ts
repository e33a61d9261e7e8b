import { z } from 'zod';
import { courseSectionsSchema } from '../../catalog/universal/catalog-views.ts';
import { isLessonUnlocked, type PrerequisitesOf } from '../../catalog/universal/prerequisites.ts';

export const LESSON_MAP_STATUSES = ['locked', 'unlocked', 'completed'] as const;
export type LessonMapStatus = (typeof LESSON_MAP_STATUSES)[number];

/** Completed wins (a completed lesson stays open for practice); else unlocked by its prerequisites. */
export function lessonMapStatus<Id>(
  lessonId: Id,
  prerequisitesOf: PrerequisitesOf<Id>,
  completed: ReadonlySet<Id>,
): LessonMapStatus {
  if (completed.has(lessonId)) return 'completed';
  return isLessonUnlocked(lessonId, prerequisitesOf, completed) ? 'unlocked' : 'locked';
}

export const courseMapLessonSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  xpReward: z.number().int(),
  estimatedMinutes: z.number().int(),
  status: z.enum(LESSON_MAP_STATUSES),
  /** Lessons still to complete before this one opens. */
  missingPrerequisites: z.array(z.number().int()),
  /** A run is in progress (the player can resume it). */
  activeSessionId: z.number().int().nullable(),
  bestScore: z.number().int().nullable(),
});
export type CourseMapLesson = z.infer<typeof courseMapLessonSchema>;

export const courseMapSchema = z.object({
  courseId: z.number().int(),
  title: z.string(),
  description: z.string(),
  completionPercent: z.number().int(),
  sections: courseSectionsSchema(courseMapLessonSchema),
});
export type CourseMap = z.infer<typeof courseMapSchema>;
