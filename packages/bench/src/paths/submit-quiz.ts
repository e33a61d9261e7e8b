import { submitQuiz } from '@questline/domain/quiz/server/submit-quiz';
import type { AnswerLetter } from '@questline/domain/quiz/universal/exam-types';
import { isoWeekOf } from '@questline/domain/game/universal/leaderboards';
import { toLocalDate } from '@questline/domain/game/universal/local-day';
import type pg from 'pg';
import { rawUser, serviceUser, type BenchPath } from '../context.ts';
import { inTransaction, rawIdempotency, rawRewards } from '../raw-rewards.ts';

export const EXAM = 'security';
let questions: { id: number; correct: AnswerLetter }[] | undefined;

/** The first ten questions of the exam's bank, with their correct answers. */
export async function bank(pool: pg.Pool) {
  questions ??= (
    await pool.query<{ id: string; correct_answer: AnswerLetter }>(
      `select id, correct_answer from questions where exam_type = $1 order by question_id limit 10`,
      [EXAM],
    )
  ).rows.map((row) => ({ id: Number(row.id), correct: row.correct_answer }));
  return questions;
}

/** Ten answers, all right but the (i mod 10)th. */
export const answersFor = (items: { id: number; correct: AnswerLetter }[], i: number) =>
  items.map((q, index) => ({
    questionId: q.id,
    answer: index === Math.abs(i) % 10 ? (q.correct === 'A' ? ('B' as const) : ('A' as const)) : q.correct,
    timeSpentSeconds: 20,
  }));

export interface RawQuizSubmission {
  readonly userId: number;
  readonly answers: readonly { questionId: number; answer: AnswerLetter; timeSpentSeconds: number }[];
  readonly idempotencyKey: string;
  readonly now: Date;
}

export function rawSubmitQuiz(pool: pg.Pool, { userId, answers, idempotencyKey, now }: RawQuizSubmission) {
  return inTransaction(pool, async (client) => {
    const idempotency = await rawIdempotency(client, userId, idempotencyKey, 'quiz.submit');
    const checked = await client.query<{ id: string; exam_type: string; correct_answer: string }>(
      `select id, exam_type, correct_answer from questions where id = any($1::bigint[])`,
      [answers.map((a) => a.questionId)],
    );
    const correctOf = new Map(checked.rows.map((row) => [Number(row.id), row.correct_answer]));
    const correct = answers.filter((a) => correctOf.get(a.questionId) === a.answer).length;
    const xp = correct * 10 + (correct === answers.length ? 50 : 0);
    const user = await client.query<{ timezone: string }>('select timezone from users where id = $1', [
      userId,
    ]);
    const attempt = await client.query<{ id: string }>(
      `with attempt as (
         insert into quiz_attempts (user_id, exam_type, total_questions, correct_answers, score_percentage, time_taken_seconds, xp_earned, completed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, user_id, completed_at
       ), answers as (
         insert into user_answers (user_id, quiz_attempt_id, question_id, user_answer, correct_answer, is_correct, time_spent_seconds, answered_at)
         select attempt.user_id, attempt.id, a.question_id, a.answer, a.correct_answer, a.answer = a.correct_answer, a.time_spent_seconds, attempt.completed_at
           from attempt cross join jsonb_to_recordset($9::jsonb) as a(question_id bigint, answer text, correct_answer text, time_spent_seconds int)
       ), totals as (
         update user_profiles set total_exams_taken = total_exams_taken + 1, total_questions_answered = total_questions_answered + $3 where user_id = $1
       ) select id from attempt`,
      [
        userId,
        EXAM,
        answers.length,
        correct,
        (correct / answers.length) * 100,
        200,
        xp,
        now,
        JSON.stringify(
          answers.map((a) => ({
            question_id: a.questionId,
            answer: a.answer,
            correct_answer: correctOf.get(a.questionId),
            time_spent_seconds: 20,
          })),
        ),
      ],
    );
    const attemptId = attempt.rows[0]?.id;
    await client.query(
      `insert into leaderboard_standings (board, scope, user_id, score, reached_at) values ('quiz_best', $1, $2, $3, $4)
       on conflict (board, scope, user_id) do update set score = excluded.score, reached_at = excluded.reached_at
       where excluded.score > leaderboard_standings.score`,
      [EXAM, userId, (correct / answers.length) * 100, now],
    );
    const timeZone = user.rows[0]?.timezone ?? 'UTC';
    await rawRewards(client, {
      userId,
      source: 'quiz',
      sourceRef: `quiz-attempt:${attemptId}`,
      xp,
      ledgerKey: `quiz-attempt:${attemptId}`,
      now,
      localDate: toLocalDate(now, timeZone),
      timeZone: 'UTC',
      week: isoWeekOf(now),
      practice: true,
    });
    await client.query('select level from user_profiles where user_id = $1', [userId]);
    const rank = await client.query(
      `select 1 + (select count(*) from leaderboard_standings s where s.board = m.board and s.scope = m.scope and s.score > m.score) as rank
         from leaderboard_standings m where m.board = 'quiz_best' and m.scope = $1 and m.user_id = $2`,
      [EXAM, userId],
    );
    await client.query(
      `select count(*) from leaderboard_standings where board = 'quiz_best' and scope = $1`,
      [EXAM],
    );
    const response = { attemptId, correct, xp, rank: rank.rows[0] };
    await idempotency.store(response);
    return response;
  });
}

export const submitQuizPath: BenchPath = {
  name: 'submit a quiz (10 answers)',
  targets: { minRatio: 0.7 },
  whenMissed:
    'As for lessons: request parsing, the streak recomputation, the unlock check in JS and per-statement ORM overhead; the SQL itself is the same.',
  iterations: 600,
  raw: async (ctx, i) =>
    rawSubmitQuiz(ctx.pool, {
      userId: rawUser(ctx, i),
      answers: answersFor(await bank(ctx.pool), i),
      idempotencyKey: `bench-raw-quiz-${i}-${rawUser(ctx, i)}`,
      now: new Date(),
    }),
  service: async (ctx, i) =>
    submitQuiz(ctx.orm.em.fork(), {
      userId: serviceUser(ctx, i),
      examType: EXAM,
      answers: answersFor(await bank(ctx.pool), i),
      idempotencyKey: `bench-service-quiz-${i}-${serviceUser(ctx, i)}`,
      now: new Date(),
    }),
};
