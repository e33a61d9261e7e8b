import type { EntityManager } from '@mikro-orm/postgresql';
import { grantXp } from '../../game/server/grant-xp.ts';
import { recordQuizBest } from '../../game/server/record-quiz-best.ts';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';

export interface DemoDay {
  readonly date: string;
  readonly instant: Date;
}

interface LessonRow {
  id: string;
  key: string;
  xp_reward: number;
}

/** Completes a lesson as the learner would have: progress, one attempt per exercise, XP. */
export async function completeDemoLesson(
  em: EntityManager,
  userId: number,
  lesson: LessonRow,
  day: DemoDay,
  timeZone: string,
): Promise<void> {
  const exercises = await em.execute<{ exercise_id: string; correct_answer: string }[]>(
    `select le.exercise_id, e.correct_answer from lesson_exercises le join exercises e on e.id = le.exercise_id
      where le.lesson_id = ? order by le.position`,
    [lesson.id],
  );
  const started = new Date(day.instant.getTime() - exercises.length * 40_000);
  for (const [index, exercise] of exercises.entries()) {
    await em.execute(
      `insert into user_exercise_interactions (user_id, exercise_id, lesson_id, kind, answer_given, is_correct, time_spent_ms, occurred_at)
       values (?, ?, ?, 'attempt', ?, true, ?, ?)`,
      [
        userId,
        exercise.exercise_id,
        lesson.id,
        exercise.correct_answer,
        20_000 + index * 1_000,
        new Date(started.getTime() + index * 40_000),
      ],
    );
  }
  await em.execute(
    `insert into user_lesson_progress (user_id, lesson_id, status, attempts, best_score, started_at, completed_at)
     values (?, ?, 'completed', 1, 100, ?, ?)`,
    [userId, lesson.id, started, day.instant],
  );
  await grantXp(em, {
    userId,
    amount: lesson.xp_reward,
    source: 'lesson',
    sourceRef: lesson.key,
    idempotencyKey: `lesson:${lesson.key}:${day.date}`,
    occurredAt: day.instant,
    timeZone,
  });
  await em.execute(`update user_courses set xp = xp + ?, last_practiced_at = ? where user_id = ?`, [
    lesson.xp_reward,
    day.instant,
    userId,
  ]);
  await em.execute(
    'update user_profiles set total_lessons_completed = total_lessons_completed + 1 where user_id = ?',
    [userId],
  );
}

/** A ten-question quiz of the `round`-th exam type, scored and rewarded by the quiz rule. */
export async function takeDemoQuiz(
  em: EntityManager,
  userId: number,
  round: number,
  day: DemoDay,
  timeZone: string,
): Promise<void> {
  const examType = EXAM_TYPES[round % EXAM_TYPES.length] ?? 'security';
  const questions = await em.execute<{ id: string; correct_answer: string }[]>(
    'select id, correct_answer from questions where exam_type = ? order by question_id limit 10 offset ?',
    [examType, (round * 10) % 40],
  );
  if (!questions.length) return;
  // Mostly right, a miss or two on some days: a believable learner, one perfect run.
  const misses = round % 4 === 1 ? 0 : (round % 3) + 1;
  const answers = questions.map((question, index) => {
    const correct = index >= misses;
    const wrongLetter = question.correct_answer === 'A' ? 'B' : 'A';
    return {
      questionId: question.id,
      given: correct ? question.correct_answer : wrongLetter,
      expected: question.correct_answer,
      correct,
    };
  });
  const correctCount = answers.filter((answer) => answer.correct).length;
  const score = (correctCount / answers.length) * 100;
  const xp = correctCount * 10 + (correctCount === answers.length ? 50 : 0);
  const [attempt] = await em.execute<{ id: string }[]>(
    `insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage, time_taken_seconds, xp_earned, completed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [userId, examType, answers.length, correctCount, score, answers.length * 45, xp, day.instant],
  );
  await em.execute(
    `insert into user_answers (user_id, quiz_attempt_id, question_id, user_answer, correct_answer, is_correct, time_spent_seconds, answered_at)
     select ?, ?, a.question_id, a.given, a.expected, a.correct, 45, ?
       from jsonb_to_recordset(?::jsonb) as a(question_id bigint, given text, expected text, correct boolean)`,
    [
      userId,
      attempt?.id,
      day.instant,
      JSON.stringify(
        answers.map((a) => ({
          question_id: a.questionId,
          given: a.given,
          expected: a.expected,
          correct: a.correct,
        })),
      ),
    ],
  );
  await grantXp(em, {
    userId,
    amount: xp,
    source: 'quiz',
    sourceRef: `quiz_attempt:${attempt?.id}`,
    idempotencyKey: `quiz:${day.date}`,
    occurredAt: day.instant,
    timeZone,
  });
  await recordQuizBest(em, { examType, userId, score, reachedAt: day.instant });
  await em.execute(
    `update user_profiles set total_exams_taken = total_exams_taken + 1,
            total_questions_answered = total_questions_answered + ? where user_id = ?`,
    [answers.length, userId],
  );
}
