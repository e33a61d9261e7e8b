import type { EntityManager } from '@mikro-orm/postgresql';
import type { LessonRow, SessionRow } from './lesson-rows.ts';

export interface LessonProgressEvent {
  readonly userId: number;
  readonly lesson: LessonRow;
  readonly session: SessionRow;
  /** The run's score, 0–100. */
  readonly score: number;
  readonly now: Date;
}

/**
 * A completed run, in the caller's transaction: lesson progress (attempts + 1, best score kept,
 * completed_at of the FIRST completion), the profile's lesson count (every completed run counts,
 * as practice does), and the course enrolment (created if needed) with its XP, completion
 * percent (completed lessons of the course) and last practice.
 */
export async function recordLessonProgress(em: EntityManager, event: LessonProgressEvent): Promise<void> {
  const { userId, lesson, session, score, now } = event;
  await em.execute(
    `insert into user_lesson_progress (user_id, lesson_id, status, attempts, best_score, started_at, completed_at)
     values (?, ?, 'completed', 1, ?, ?, ?)
     on conflict (user_id, lesson_id) do update
       set status = 'completed',
           attempts = user_lesson_progress.attempts + 1,
           best_score = greatest(coalesce(user_lesson_progress.best_score, 0), excluded.best_score),
           started_at = coalesce(user_lesson_progress.started_at, excluded.started_at),
           completed_at = coalesce(user_lesson_progress.completed_at, excluded.completed_at)`,
    [userId, lesson.id, score, session.startedAt, now],
  );
  await em.execute(
    'update user_profiles set total_lessons_completed = total_lessons_completed + 1 where user_id = ?',
    [userId],
  );
  await em.execute(
    `insert into user_courses (user_id, course_id, xp, completion_percent, started_at, last_practiced_at)
     select ?, ?, ?, floor(100.0 * count(*) filter (where ulp.status = 'completed') / greatest(count(*), 1))::int, ?, ?
       from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
       left join user_lesson_progress ulp on ulp.lesson_id = l.id and ulp.user_id = ?
      where s.course_id = ?
     on conflict (user_id, course_id) do update
       set xp = user_courses.xp + excluded.xp,
           completion_percent = excluded.completion_percent,
           last_practiced_at = excluded.last_practiced_at`,
    [userId, lesson.courseId, lesson.xpReward, session.startedAt, now, userId, lesson.courseId],
  );
}
