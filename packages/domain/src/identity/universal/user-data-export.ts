// Everything Questline holds about one user, as one JSON document (the admin console and the
// `ql` CLI write it to a file). A document, not a live view: instants are ISO 8601 UTC strings
// and local days `YYYY-MM-DD`, so the file reads the same anywhere. No password hash, no session
// tokens.
import { z } from 'zod';
import { EXAM_TYPES, ANSWER_LETTERS } from '../../quiz/universal/exam-types.ts';
import { ROLES } from './account.ts';

const instant = z.iso.datetime();
const day = z.iso.date();
const int = z.number().int();

export const userDataExportSchema = z.object({
  exportedAt: instant,
  account: z.object({
    id: int,
    email: z.string(),
    username: z.string(),
    role: z.enum(ROLES),
    isActive: z.boolean(),
    isVerified: z.boolean(),
    tagline: z.string().nullable(),
    timezone: z.string(),
    dailyXpGoal: int,
    createdAt: instant,
    updatedAt: instant,
  }),
  oauthAccounts: z.array(
    z.object({
      provider: z.string(),
      providerUserId: z.string(),
      email: z.string().nullable(),
      createdAt: instant,
      lastUsedAt: instant.nullable(),
    }),
  ),
  profile: z
    .object({
      xp: int,
      level: int,
      studyStreakCurrent: int,
      studyStreakLongest: int,
      streakFreezes: int,
      totalExamsTaken: int,
      totalQuestionsAnswered: int,
      totalLessonsCompleted: int,
      totalHabitCompletions: int,
      lastActivityDate: day.nullable(),
      hearts: int,
      heartsRegenFrom: instant.nullable(),
      bio: z.string().nullable(),
      selectedAvatar: z.string().nullable(),
      createdAt: instant,
    })
    .nullable(),
  xpLedger: z.array(
    z.object({
      id: int,
      amount: int,
      source: z.string(),
      sourceRef: z.string().nullable(),
      occurredAt: instant,
      localDate: day,
      reversesEventId: int.nullable(),
    }),
  ),
  streakDays: z.array(z.object({ localDate: day, status: z.string(), reason: z.string() })),
  dailyXp: z.array(z.object({ localDate: day, xp: int, goal: int, goalMet: z.boolean() })),
  courses: z.array(
    z.object({
      course: z.string(),
      xp: int,
      completionPercent: int,
      startedAt: instant,
      lastPracticedAt: instant.nullable(),
    }),
  ),
  lessonProgress: z.array(
    z.object({
      lessonKey: z.string(),
      lessonTitle: z.string(),
      status: z.string(),
      attempts: int,
      bestScore: int.nullable(),
      completedAt: instant.nullable(),
    }),
  ),
  quizAttempts: z.array(
    z.object({
      id: int,
      examType: z.enum(EXAM_TYPES),
      totalQuestions: int,
      correctAnswers: int,
      scorePercentage: z.number(),
      xpEarned: int,
      completedAt: instant,
      answers: z.array(
        z.object({
          /** The question's external id; null once the question was deleted. */
          questionId: z.string().nullable(),
          answer: z.enum(ANSWER_LETTERS),
          correctAnswer: z.enum(ANSWER_LETTERS),
          isCorrect: z.boolean(),
          timeSpentSeconds: int.nullable(),
        }),
      ),
    }),
  ),
  habits: z.array(
    z.object({
      id: int,
      name: z.string(),
      description: z.string().nullable(),
      category: z.string().nullable(),
      goalType: z.string(),
      targetValue: int,
      scheduleMask: int.nullable(),
      archivedAt: instant.nullable(),
      createdAt: instant,
      streak: z.object({ current: int, longest: int, strength: z.number() }).nullable(),
      completions: z.array(z.object({ date: day, value: int, notes: z.string().nullable() })),
    }),
  ),
  posts: z.array(z.object({ id: int, body: z.string(), createdAt: instant })),
  reactions: z.array(z.object({ postId: int, kind: z.string(), createdAt: instant })),
  highlights: z.array(z.object({ postId: int, position: int })),
  badges: z.array(
    z.object({ code: z.string(), name: z.string(), unlockedAt: instant, granted: z.boolean() }),
  ),
  achievements: z.array(
    z.object({ code: z.string(), name: z.string(), earnedAt: instant, progressValue: int.nullable() }),
  ),
  avatars: z.array(z.object({ code: z.string(), name: z.string(), unlockedAt: instant })),
});
export type UserDataExport = z.infer<typeof userDataExportSchema>;
