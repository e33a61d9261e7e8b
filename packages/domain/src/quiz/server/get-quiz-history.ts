import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { ExamType } from '../universal/exam-types.ts';
import type { QuizHistoryPage } from '../universal/quiz-dtos.ts';

interface HistoryRow {
  id: string | number;
  exam_type: ExamType;
  score_percentage: number;
  correct_answers: number;
  total_questions: number;
  xp_earned: number;
  time_taken_seconds: number | null;
  completed_at: string | Date;
  /** completed_at as text, µs-exact (a JS Date keeps only ms), for the cursor. */
  completed_at_text: string;
}

const MAX_PAGE = 100;
/** PostgreSQL's ISO output of a timestamptz: `2026-03-01 12:00:00.123456+00`. */
const TIMESTAMP_TEXT =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(\.\d{1,6})?[+-](?<offset>\d{2})(:[0-5]\d){0,2}$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The shape and real calendar values: a forged cursor must never fail PostgreSQL's cast. */
function isTimestampText(text: string): boolean {
  const parts = TIMESTAMP_TEXT.exec(text)?.groups;
  if (!parts) return false;
  const value = (name: string) => Number(parts[name]);
  const [year, month, day] = [value('year'), value('month'), value('day')];
  const daysInMonth =
    [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return (
    year >= 1 &&
    day >= 1 &&
    day <= daysInMonth &&
    value('hour') <= 23 &&
    value('minute') <= 59 &&
    value('second') <= 59 &&
    value('offset') <= 15
  );
}

// The cursor is the last row's (completed_at, id), opaque to clients.
const encodeCursor = (row: HistoryRow) =>
  Buffer.from(JSON.stringify([row.completed_at_text, Number(row.id)])).toString('base64url');

function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      isTimestampText(value[0]) &&
      Number.isSafeInteger(value[1])
    ) {
      return [value[0], Number(value[1])];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new DomainError('QUIZ_HISTORY_CURSOR_INVALID', 'BAD_INPUT', 'This page cursor is not valid', {
    path: ['cursor'],
  });
}

/**
 * The learner's attempts, newest first, keyset-paginated by (completed_at, id) over the
 * (user_id, completed_at) index: each page costs the same however deep it is.
 */
export async function getQuizHistory(
  em: EntityManager,
  userId: number,
  cursor?: string | null,
  limit = 20,
): Promise<QuizHistoryPage> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new DomainError('QUIZ_HISTORY_LIMIT_INVALID', 'BAD_INPUT', `A page has 1 to ${MAX_PAGE} attempts`, {
      path: ['limit'],
    });
  }
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await em.execute<HistoryRow[]>(
    `select id, exam_type, score_percentage, correct_answers, total_questions, xp_earned, time_taken_seconds,
            completed_at, completed_at::text as completed_at_text
       from quiz_attempts
      where user_id = ? ${after ? 'and (completed_at, id) < (?::timestamptz, ?)' : ''}
      order by completed_at desc, id desc
      limit ?`,
    after ? [userId, after[0], after[1], limit + 1] : [userId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      attemptId: Number(row.id),
      examType: row.exam_type,
      score: row.score_percentage,
      correct: row.correct_answers,
      total: row.total_questions,
      xpEarned: row.xp_earned,
      timeTakenSeconds: row.time_taken_seconds,
      completedAt: new Date(row.completed_at),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
