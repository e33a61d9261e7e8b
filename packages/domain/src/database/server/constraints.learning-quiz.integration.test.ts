import {
  check,
  trigger,
  describeConstraints,
  foreignKey,
  insert,
  sql,
  SUITE_TABLES,
  unique,
} from './testing/constraint-cases.ts';
import { ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's (alice's); each case changes one thing.
const userCourse = { user_id: ID.bob, course_id: ID.course, xp: 0, completion_percent: 0 };
const progress = {
  user_id: ID.bob,
  lesson_id: ID.lesson1,
  status: 'in_progress',
  attempts: 1,
  best_score: 50,
  started_at: sql('now()'),
  completed_at: null,
};
const interaction = {
  user_id: ID.bob,
  exercise_id: ID.translation,
  lesson_id: ID.lesson1,
  kind: 'attempt',
  answer_given: 'Hi',
  is_correct: false,
  time_spent_ms: 800,
};
const question = {
  question_id: 'fx-net-001',
  exam_type: 'network',
  domain: '2.3',
  question_text: 'Which port does SSH use?',
  correct_answer: 'B',
  options: '{"A": "21", "B": "22", "C": "23", "D": "25"}',
};
const attempt = {
  user_id: ID.bob,
  exam_type: 'network',
  total_questions: 10,
  correct_answers: 5,
  score_percentage: 50,
  time_taken_seconds: 120,
  xp_earned: 10,
};
const answer = {
  user_id: ID.alice,
  quiz_attempt_id: ID.quizAttempt,
  question_id: ID.question,
  user_answer: 'B',
  correct_answer: 'A',
  is_correct: false,
  time_spent_seconds: 12,
};

describeConstraints(db, {
  tables: SUITE_TABLES['learning-quiz'],
  refused: [
    // user_courses
    {
      refusedBy: unique('user_courses_user_course_unique'),
      title: 'enrolling twice in one course',
      sql: insert('user_courses', { ...userCourse, user_id: ID.alice }),
    },
    {
      refusedBy: check('user_courses_completion_range'),
      title: '101 % complete',
      sql: insert('user_courses', { ...userCourse, completion_percent: 101 }),
    },
    {
      refusedBy: check('user_courses_completion_range'),
      title: '-1 % complete',
      sql: insert('user_courses', { ...userCourse, completion_percent: -1 }),
    },
    {
      refusedBy: check('user_courses_xp_non_negative'),
      title: 'negative course XP',
      sql: insert('user_courses', { ...userCourse, xp: -1 }),
    },
    {
      refusedBy: foreignKey('user_courses_course_id_foreign'),
      title: 'enrolling in a missing course',
      sql: insert('user_courses', { ...userCourse, course_id: 999 }),
    },
    // user_lesson_progress
    {
      refusedBy: unique('user_lesson_progress_user_lesson_unique'),
      title: 'a second progress row for one lesson',
      sql: insert('user_lesson_progress', { ...progress, user_id: ID.alice }),
    },
    {
      refusedBy: check('user_lesson_progress_status_check'),
      title: 'an unknown status',
      sql: insert('user_lesson_progress', { ...progress, status: 'done' }),
    },
    {
      refusedBy: check('user_lesson_progress_best_score_range'),
      title: 'a best score of 101',
      sql: insert('user_lesson_progress', { ...progress, best_score: 101 }),
    },
    {
      refusedBy: check('user_lesson_progress_best_score_range'),
      title: 'a best score of -1',
      sql: insert('user_lesson_progress', { ...progress, best_score: -1 }),
    },
    {
      refusedBy: check('user_lesson_progress_attempts_non_negative'),
      title: 'negative attempts',
      sql: insert('user_lesson_progress', { ...progress, attempts: -1 }),
    },
    {
      refusedBy: check('user_lesson_progress_completed_has_time'),
      title: 'completed without completed_at',
      sql: insert('user_lesson_progress', { ...progress, status: 'completed' }),
    },
    {
      refusedBy: check('user_lesson_progress_completed_has_time'),
      title: 'completed_at on a lesson still in progress',
      sql: insert('user_lesson_progress', { ...progress, completed_at: sql('now()') }),
    },
    // user_exercise_interactions
    {
      refusedBy: check('user_exercise_interactions_attempt_has_result'),
      title: 'an attempt without is_correct',
      sql: insert('user_exercise_interactions', { ...interaction, is_correct: null }),
    },
    {
      refusedBy: check('user_exercise_interactions_attempt_has_result'),
      title: 'a hint with is_correct',
      sql: insert('user_exercise_interactions', { ...interaction, kind: 'hint', is_correct: true }),
    },
    {
      refusedBy: check('user_exercise_interactions_time_non_negative'),
      title: 'negative time spent',
      sql: insert('user_exercise_interactions', { ...interaction, time_spent_ms: -1 }),
    },
    {
      refusedBy: check('user_exercise_interactions_kind_check'),
      title: 'an unknown kind',
      sql: insert('user_exercise_interactions', { ...interaction, kind: 'guess', is_correct: null }),
    },
    // questions
    {
      refusedBy: unique('questions_question_id_unique'),
      title: 'a second question fx-sec-001',
      sql: insert('questions', { ...question, question_id: 'fx-sec-001' }),
    },
    {
      refusedBy: check('questions_exam_type_check'),
      title: 'an unknown exam type',
      sql: insert('questions', { ...question, exam_type: 'ccna' }),
    },
    {
      refusedBy: check('questions_correct_answer_check'),
      title: 'correct answer E',
      sql: insert('questions', { ...question, correct_answer: 'E' }),
    },
    {
      refusedBy: check('questions_correct_answer_check'),
      title: 'a lower-case correct answer',
      sql: insert('questions', { ...question, correct_answer: 'b' }),
    },
    // quiz_attempts
    {
      refusedBy: check('quiz_attempts_total_questions_positive'),
      title: 'an attempt of 0 questions',
      sql: insert('quiz_attempts', { ...attempt, total_questions: 0, correct_answers: 0 }),
    },
    {
      refusedBy: check('quiz_attempts_correct_answers_non_negative'),
      title: '-1 correct answers',
      sql: insert('quiz_attempts', { ...attempt, correct_answers: -1 }),
    },
    {
      refusedBy: check('quiz_attempts_correct_within_total'),
      title: '11 correct out of 10',
      sql: insert('quiz_attempts', { ...attempt, correct_answers: 11 }),
    },
    {
      refusedBy: check('quiz_attempts_score_range'),
      title: 'a score of 100.5 %',
      sql: insert('quiz_attempts', { ...attempt, score_percentage: 100.5 }),
    },
    {
      refusedBy: check('quiz_attempts_score_range'),
      title: 'a score of -0.1 %',
      sql: insert('quiz_attempts', { ...attempt, score_percentage: -0.1 }),
    },
    {
      refusedBy: check('quiz_attempts_time_non_negative'),
      title: 'negative time taken',
      sql: insert('quiz_attempts', { ...attempt, time_taken_seconds: -1 }),
    },
    {
      refusedBy: check('quiz_attempts_xp_non_negative'),
      title: 'negative XP earned',
      sql: insert('quiz_attempts', { ...attempt, xp_earned: -1 }),
    },
    {
      refusedBy: check('quiz_attempts_exam_type_check'),
      title: 'an unknown exam type',
      sql: insert('quiz_attempts', { ...attempt, exam_type: 'ccna' }),
    },
    {
      refusedBy: foreignKey('quiz_attempts_user_id_foreign'),
      title: 'an attempt by a missing user',
      sql: insert('quiz_attempts', { ...attempt, user_id: 999 }),
    },
    // user_answers
    {
      refusedBy: check('user_answers_user_answer_check'),
      title: 'answer E',
      sql: insert('user_answers', { ...answer, user_answer: 'E' }),
    },
    {
      refusedBy: check('user_answers_correct_answer_check'),
      title: 'a lower-case correct answer',
      sql: insert('user_answers', { ...answer, correct_answer: 'a' }),
    },
    {
      refusedBy: check('user_answers_time_non_negative'),
      title: 'negative time spent',
      sql: insert('user_answers', { ...answer, time_spent_seconds: -1 }),
    },
    {
      refusedBy: check('user_answers_is_correct_consistent'),
      title: 'a wrong letter marked correct',
      sql: insert('user_answers', { ...answer, is_correct: true }),
    },
    {
      refusedBy: trigger('user_answers_owner_matches', '23514', /belongs to user 2 but its parent to user 1/),
      title: "an answer filed under someone other than the attempt's learner",
      sql: insert('user_answers', { ...answer, user_id: ID.bob }),
    },
    {
      refusedBy: foreignKey('user_answers_quiz_attempt_id_foreign'),
      title: 'an answer in a missing attempt',
      sql: insert('user_answers', { ...answer, quiz_attempt_id: 999 }),
    },
  ],
  accepted: [
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('user_courses', userCourse),
        insert('user_lesson_progress', progress),
        insert('user_exercise_interactions', interaction),
        insert('questions', question),
        insert('quiz_attempts', attempt),
        insert('user_answers', answer),
      ],
    },
    {
      title: 'the bounds: 0 % and 100 % complete, best scores 0 and 100',
      sql: [
        insert('user_courses', { ...userCourse, completion_percent: 100 }),
        insert('user_lesson_progress', { ...progress, best_score: 0 }),
        insert('user_lesson_progress', { ...progress, lesson_id: ID.lesson2, best_score: 100 }),
      ],
    },
    {
      title: 'a completed lesson with completed_at, and one not started without a score',
      sql: [
        insert('user_lesson_progress', { ...progress, status: 'completed', completed_at: sql('now()') }),
        insert('user_lesson_progress', {
          ...progress,
          lesson_id: ID.lesson2,
          status: 'not_started',
          attempts: 0,
          best_score: null,
          started_at: null,
        }),
      ],
    },
    {
      title: 'a skip and a hint without a result, outside any lesson',
      sql: [
        insert('user_exercise_interactions', {
          ...interaction,
          kind: 'skip',
          is_correct: null,
          lesson_id: null,
        }),
        insert('user_exercise_interactions', { ...interaction, kind: 'hint', is_correct: null }),
      ],
    },
    {
      title: 'a perfect and a zero quiz attempt',
      sql: [
        insert('quiz_attempts', { ...attempt, correct_answers: 10, score_percentage: 100 }),
        insert('quiz_attempts', {
          ...attempt,
          correct_answers: 0,
          score_percentage: 0,
          time_taken_seconds: 0,
        }),
      ],
    },
    {
      title: 'an answer whose question is gone',
      sql: [insert('user_answers', { ...answer, question_id: null, time_spent_seconds: null })],
    },
  ],
});
