import { SystemAuditLog } from '../../audit/server/system-audit-log.entity.ts';
import { UserActivityLog } from '../../audit/server/user-activity-log.entity.ts';
import { AudioFile } from '../../catalog/server/audio-file.entity.ts';
import { Course } from '../../catalog/server/course.entity.ts';
import { ExerciseOption } from '../../catalog/server/exercise-option.entity.ts';
import { ExerciseType } from '../../catalog/server/exercise-type.entity.ts';
import { Exercise } from '../../catalog/server/exercise.entity.ts';
import { Language } from '../../catalog/server/language.entity.ts';
import { LessonExercise } from '../../catalog/server/lesson-exercise.entity.ts';
import { LessonPrerequisite } from '../../catalog/server/lesson-prerequisite.entity.ts';
import { Lesson } from '../../catalog/server/lesson.entity.ts';
import { Section } from '../../catalog/server/section.entity.ts';
import { Unit } from '../../catalog/server/unit.entity.ts';
import { Achievement } from '../../game/server/achievement.entity.ts';
import { LeaderboardStanding } from '../../game/server/leaderboard-standing.entity.ts';
import { Avatar } from '../../game/server/avatar.entity.ts';
import { Badge } from '../../game/server/badge.entity.ts';
import { UserAchievement } from '../../game/server/user-achievement.entity.ts';
import { UserAvatar } from '../../game/server/user-avatar.entity.ts';
import { UserBadge } from '../../game/server/user-badge.entity.ts';
import { UserDailyXp } from '../../game/server/user-daily-xp.entity.ts';
import { UserHeartsLog } from '../../game/server/user-hearts-log.entity.ts';
import { UserProfile } from '../../game/server/user-profile.entity.ts';
import { UserStreakDay } from '../../game/server/user-streak-day.entity.ts';
import { XpEvent } from '../../game/server/xp-event.entity.ts';
import { HabitCompletion } from '../../habits/server/habit-completion.entity.ts';
import { HabitStreak } from '../../habits/server/habit-streak.entity.ts';
import { Habit } from '../../habits/server/habit.entity.ts';
import { EmailOutboxMessage } from '../../identity/server/email-outbox-message.entity.ts';
import { EmailVerificationToken } from '../../identity/server/email-verification-token.entity.ts';
import { OAuthAccount } from '../../identity/server/oauth-account.entity.ts';
import { Session } from '../../identity/server/session.entity.ts';
import { SignInFailure } from '../../identity/server/sign-in-failure.entity.ts';
import { User } from '../../identity/server/user.entity.ts';
import { LessonSession } from '../../learning/server/lesson-session.entity.ts';
import { UserCourse } from '../../learning/server/user-course.entity.ts';
import { UserExerciseInteraction } from '../../learning/server/user-exercise-interaction.entity.ts';
import { UserLessonProgress } from '../../learning/server/user-lesson-progress.entity.ts';
import { Question } from '../../quiz/server/question.entity.ts';
import { QuizAttempt } from '../../quiz/server/quiz-attempt.entity.ts';
import { UserAnswer } from '../../quiz/server/user-answer.entity.ts';
import { Post } from '../../social/server/post.entity.ts';
import { Reaction } from '../../social/server/reaction.entity.ts';
import { UserHighlight } from '../../social/server/user-highlight.entity.ts';
import { UserStatsCache } from '../../social/server/user-stats-cache.entity.ts';
import { IdempotencyRecord } from '../../shared/server/idempotency-record.entity.ts';

// The explicit list MikroORM discovers, by bounded context: no folder scanning, so bundles and
// tests see the same model.
export const ENTITIES = [
  // identity
  User,
  OAuthAccount,
  Session,
  EmailVerificationToken,
  EmailOutboxMessage,
  SignInFailure,
  // catalog
  Language,
  Course,
  Section,
  Unit,
  Lesson,
  LessonPrerequisite,
  ExerciseType,
  Exercise,
  ExerciseOption,
  LessonExercise,
  AudioFile,
  // learning
  UserCourse,
  UserLessonProgress,
  UserExerciseInteraction,
  LessonSession,
  // quiz
  Question,
  QuizAttempt,
  UserAnswer,
  // game
  UserProfile,
  XpEvent,
  UserStreakDay,
  UserDailyXp,
  UserHeartsLog,
  Achievement,
  UserAchievement,
  Avatar,
  UserAvatar,
  Badge,
  UserBadge,
  LeaderboardStanding,
  // habits
  Habit,
  HabitCompletion,
  HabitStreak,
  // social
  Post,
  Reaction,
  UserHighlight,
  UserStatsCache,
  // audit
  UserActivityLog,
  SystemAuditLog,
  // cross-cutting
  IdempotencyRecord,
];
