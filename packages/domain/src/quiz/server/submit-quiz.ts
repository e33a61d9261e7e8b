import type { EntityManager } from '@mikro-orm/postgresql';
import { mirrorStandingsOf } from '../../game/server/mirror-standings.ts';
import { readStandingRank } from '../../game/server/leaderboards.ts';
import { recordQuizBest } from '../../game/server/record-quiz-best.ts';
import { recordCompletedSession } from '../../game/server/record-session.ts';
import type { StandingsMirror } from '../../game/server/standings-mirror.ts';
import { runIdempotent } from '../../shared/server/idempotent.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { invalidateProfileStats } from '../../social/server/profile-stats.ts';
import type { StatsCache } from '../../social/server/stats-cache.ts';
import { EXAM_TYPE_NAMES, type ExamType } from '../universal/exam-types.ts';
import type { QuizResult } from '../universal/quiz-dtos.ts';
import { submitQuizInputSchema, type QuizAnswerInput } from '../universal/quiz-inputs.ts';
import { scoreQuiz } from '../universal/quiz-score.ts';
import { checkAnswers, type CheckedAnswer } from './check-answers.ts';

export interface SubmitQuizRequest {
  readonly userId: number;
  readonly examType: ExamType;
  readonly answers: readonly QuizAnswerInput[];
  /** Client-generated: a retried or doubled submission records and rewards once. */
  readonly idempotencyKey: string;
  readonly now: Date;
}

/** Copies kept outside PostgreSQL, refreshed after the commit. Both optional. */
export interface QuizSideEffects {
  readonly standings?: StandingsMirror;
  readonly statsCache?: StatsCache | null;
}

/**
 * Scores a quiz from the bank's stored answers and records it exactly once per idempotency key:
 * the attempt with all its answers, the profile totals, the exam's best-score standing and the
 * shared rewards (XP, streak, achievements, badges). Bad input throws BAD_INPUT and writes nothing;
 * a repeat returns the first result.
 */
export async function submitQuiz(
  em: EntityManager,
  request: SubmitQuizRequest,
  effects: QuizSideEffects = {},
): Promise<QuizResult> {
  const parsed = submitQuizInputSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code =
      issue?.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : null;
    throw new DomainError(code ?? 'QUIZ_SUBMISSION_INVALID', 'BAD_INPUT', issue?.message ?? 'Invalid quiz', {
      path: issue?.path.map((key) => (typeof key === 'symbol' ? String(key) : key)) ?? [],
    });
  }
  const { examType, answers, idempotencyKey } = parsed.data;
  const { userId, now } = request;
  const { result, replayed } = await runIdempotent(
    em,
    { userId, key: idempotencyKey, operation: 'quiz.submit', request: { examType, answers } },
    async (tx) => recordAttempt(tx, userId, examType, await checkAnswers(tx, examType, answers), now),
  );
  // After commit, best effort: the answer is already decided, and a stale table copy is refused
  // on read anyway (it no longer matches the XP).
  if (!replayed) await invalidateProfileStats(em, effects.statsCache, userId).catch(() => undefined);
  // Also on a replay: a retry is a good moment to heal a mirror write the first run missed.
  if (effects.standings) await mirrorStandingsOf(em, effects.standings, userId, now);
  return result;
}

async function recordAttempt(
  tx: EntityManager,
  userId: number,
  examType: ExamType,
  answers: readonly CheckedAnswer[],
  now: Date,
): Promise<QuizResult> {
  const correct = answers.filter((answer) => answer.answer === answer.correctAnswer).length;
  const score = scoreQuiz(correct, answers.length);
  const [user] = await tx.execute<{ timezone: string }[]>('select timezone from users where id = ?', [
    userId,
  ]);
  if (!user) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
  // One statement: the attempt, all its answers (in submitted order) and the profile totals.
  const [attempt] = await tx.execute<{ id: string | number }[]>(
    `with attempt as (
       insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage,
                                  time_taken_seconds, xp_earned, completed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id, user_id, completed_at
     ), answers as (
       insert into user_answers (user_id, quiz_attempt_id, question_id, user_answer, correct_answer, is_correct,
                                 time_spent_seconds, answered_at)
       select attempt.user_id, attempt.id, a.question_id, a.answer, a.correct_answer, a.answer = a.correct_answer,
              a.time_spent_seconds, attempt.completed_at
         from attempt cross join jsonb_to_recordset(?::jsonb)
              as a(ord int, question_id bigint, answer text, correct_answer text, time_spent_seconds int)
        order by a.ord
     ), totals as (
       update user_profiles set total_exams_taken = total_exams_taken + 1,
              total_questions_answered = total_questions_answered + ?
        where user_id = ?
     )
     select id from attempt`,
    [
      userId,
      examType,
      score.total,
      score.correct,
      score.percentage,
      answers.reduce((sum, answer) => sum + answer.timeSpentSeconds, 0),
      score.xp,
      now,
      JSON.stringify(
        answers.map((answer, ord) => ({
          ord,
          question_id: answer.questionId,
          answer: answer.answer,
          correct_answer: answer.correctAnswer,
          time_spent_seconds: answer.timeSpentSeconds,
        })),
      ),
      score.total,
      userId,
    ],
  );
  if (!attempt) throw new Error('the quiz attempt was not inserted');
  const attemptId = Number(attempt.id);
  await recordQuizBest(tx, { userId, examType, score: score.percentage, reachedAt: now });
  const rewards = await recordCompletedSession(tx, {
    userId,
    source: 'quiz',
    sourceRef: `quiz-attempt:${attemptId}`,
    xp: score.xp,
    ledgerKey: `quiz-attempt:${attemptId}`,
    instant: now,
    timeZone: user.timezone,
    description: `${EXAM_TYPE_NAMES[examType]} quiz: ${score.correct}/${score.total}`,
  });
  const [profile] = await tx.execute<{ level: number }[]>(
    'select level from user_profiles where user_id = ?',
    [userId],
  );
  const standing = await readStandingRank(tx, 'quiz_best', examType, userId);
  return {
    attemptId,
    score: score.percentage,
    correct: score.correct,
    total: score.total,
    xpEarned: score.xp,
    level: profile?.level ?? 1,
    streak: { ...rewards.streak, frozenDays: [...rewards.streak.frozenDays] },
    unlocks: { achievements: [...rewards.unlocks.achievements], badges: [...rewards.unlocks.badges] },
    standing: standing ?? { rank: 0, of: 0 },
  };
}
