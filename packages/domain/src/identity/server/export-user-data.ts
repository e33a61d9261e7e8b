import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { exactInstant as at } from '../../social/server/keyset-cursor.ts';
import { userDataExportSchema, type UserDataExport } from '../universal/user-data-export.ts';

// Each section is built by PostgreSQL as JSON with the export's own field names, in one round
// trip; `me.id` is the user. Instants leave as exact UTC text, days as YYYY-MM-DD.
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const list = (select: string, order: string) =>
  `coalesce((select json_agg(x order by ${order}) from (${select}) x), '[]'::json)`;
const one = (select: string) => `(select row_to_json(x) from (${select}) x)`;

const SECTIONS = {
  account:
    one(`select u.id, u.email, u.username, u.role, u.is_active as "isActive", u.is_verified as "isVerified",
      u.tagline, u.timezone, u.daily_xp_goal as "dailyXpGoal", ${at('u.created_at')} as "createdAt",
      ${at('u.updated_at')} as "updatedAt" from users u where u.id = me.id`),
  oauthAccounts: list(
    `select o.provider, o.provider_user_id as "providerUserId", o.email, ${at('o.created_at')} as "createdAt",
      ${at('o.last_used_at')} as "lastUsedAt", o.id from oauth_accounts o where o.user_id = me.id`,
    'x.id',
  ),
  profile: one(`select p.xp, p.level, p.study_streak_current as "studyStreakCurrent",
      p.study_streak_longest as "studyStreakLongest", p.streak_freezes as "streakFreezes",
      p.total_exams_taken as "totalExamsTaken", p.total_questions_answered as "totalQuestionsAnswered",
      p.total_lessons_completed as "totalLessonsCompleted", p.total_habit_completions as "totalHabitCompletions",
      ${day('p.last_activity_date')} as "lastActivityDate", p.hearts, ${at('p.hearts_regen_from')} as "heartsRegenFrom",
      p.bio, (select a.code from avatars a where a.id = p.selected_avatar_id) as "selectedAvatar",
      ${at('p.created_at')} as "createdAt" from user_profiles p where p.user_id = me.id`),
  xpLedger: list(
    `select e.id, e.amount, e.source, e.source_ref as "sourceRef", ${at('e.occurred_at')} as "occurredAt",
      ${day('e.local_date')} as "localDate", e.reverses_event_id as "reversesEventId"
      from xp_events e where e.user_id = me.id`,
    'x.id',
  ),
  streakDays: list(
    `select ${day('d.local_date')} as "localDate", d.status, d.reason from user_streak_days d where d.user_id = me.id`,
    'x."localDate"',
  ),
  dailyXp: list(
    `select ${day('d.local_date')} as "localDate", d.xp, d.goal, d.goal_met as "goalMet"
      from user_daily_xp d where d.user_id = me.id`,
    'x."localDate"',
  ),
  courses: list(
    `select c.title as course, uc.xp, uc.completion_percent as "completionPercent",
      ${at('uc.started_at')} as "startedAt", ${at('uc.last_practiced_at')} as "lastPracticedAt"
      from user_courses uc join courses c on c.id = uc.course_id where uc.user_id = me.id`,
    'x."startedAt"',
  ),
  lessonProgress: list(
    `select l.key as "lessonKey", l.title as "lessonTitle", lp.status, lp.attempts, lp.best_score as "bestScore",
      ${at('lp.completed_at')} as "completedAt", lp.id
      from user_lesson_progress lp join lessons l on l.id = lp.lesson_id where lp.user_id = me.id`,
    'x.id',
  ),
  quizAttempts: list(
    `select q.id, q.exam_type as "examType", q.total_questions as "totalQuestions",
      q.correct_answers as "correctAnswers", q.score_percentage as "scorePercentage", q.xp_earned as "xpEarned",
      ${at('q.completed_at')} as "completedAt",
      ${list(
        `select qs.question_id as "questionId", a.user_answer as answer, a.correct_answer as "correctAnswer",
          a.is_correct as "isCorrect", a.time_spent_seconds as "timeSpentSeconds", a.id
          from user_answers a left join questions qs on qs.id = a.question_id where a.quiz_attempt_id = q.id`,
        'x.id',
      )} as answers
      from quiz_attempts q where q.user_id = me.id`,
    'x.id',
  ),
  habits: list(
    `select h.id, h.name, h.description, h.category, h.goal_type as "goalType", h.target_value as "targetValue",
      h.schedule_mask as "scheduleMask", ${at('h.archived_at')} as "archivedAt", ${at('h.created_at')} as "createdAt",
      ${one(`select s.current_streak as current, s.longest_streak as longest, s.strength
          from habit_streaks s where s.habit_id = h.id`)} as streak,
      ${list(
        `select ${day('c.completion_date')} as date, c.value, c.notes from habit_completions c where c.habit_id = h.id`,
        'x.date',
      )} as completions
      from habits h where h.user_id = me.id`,
    'x.id',
  ),
  posts: list(
    `select p.id, p.body, ${at('p.created_at')} as "createdAt" from posts p where p.author_id = me.id`,
    'x.id',
  ),
  reactions: list(
    `select r.post_id as "postId", r.kind, ${at('r.created_at')} as "createdAt", r.id
      from reactions r where r.user_id = me.id`,
    'x.id',
  ),
  highlights: list(
    `select h.post_id as "postId", h.position from user_highlights h where h.user_id = me.id`,
    'x.position',
  ),
  badges: list(
    `select b.code, b.name, ${at('ub.unlocked_at')} as "unlockedAt", ub.granted_by is not null as granted
      from user_badges ub join badges b on b.id = ub.badge_id where ub.user_id = me.id`,
    'x."unlockedAt", x.code',
  ),
  achievements: list(
    `select a.code, a.name, ${at('ua.earned_at')} as "earnedAt", ua.progress_value as "progressValue"
      from user_achievements ua join achievements a on a.id = ua.achievement_id where ua.user_id = me.id`,
    'x."earnedAt", x.code',
  ),
  avatars: list(
    `select a.code, a.name, ${at('ua.unlocked_at')} as "unlockedAt"
      from user_avatars ua join avatars a on a.id = ua.avatar_id where ua.user_id = me.id`,
    'x."unlockedAt", x.code',
  ),
};

const EXPORT_SQL = `with me as (select ?::bigint as id)
  select ${Object.entries(SECTIONS)
    .map(([name, sql]) => `${sql} as "${name}"`)
    .join(',\n')} from me`;

/**
 * The user's data as one document. One statement, so one snapshot: the sections agree with each
 * other even while the learner keeps playing.
 */
export async function exportUserData(em: EntityManager, userId: number, now: Date): Promise<UserDataExport> {
  const [row] = await em.execute<Record<string, unknown>[]>(EXPORT_SQL, [userId]);
  if (!row?.account)
    throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user', { path: ['userId'] });
  const parsed = userDataExportSchema.safeParse({ exportedAt: now.toISOString(), ...row });
  // The SQL above and the schema describe the same document: a mismatch is our bug, not the caller's.
  if (!parsed.success) throw new Error(`user export does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
