import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { EXAM_TYPES } from '../../quiz/universal/exam-types.ts';
import { CRITERIA_TYPES, criteriaMeasure, type Criteria } from '../universal/criteria.ts';
import { criteriaMeasureQuery, qualifyingLearnersQuery } from './criteria-measures.ts';
import { readPlayerStats } from './read-player-stats.ts';
import { giveStats } from './testing/player-stats-factory.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
const learners: number[] = [];

// A small deterministic generator: varied stats, the same every run.
function numbers(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

beforeAll(async () => {
  const next = numbers(42);
  for (let i = 0; i < 14; i += 1) {
    const userId = (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
    learners.push(userId);
    // Every other learner has no activity at all: the measures must give them 0, not leave them out wrongly.
    if (i % 2 === 0) continue;
    await giveStats(
      db.em(),
      userId,
      {
        quizzes: Array.from({ length: next(5) }, () => {
          const total = 1 + next(10);
          return {
            examType: EXAM_TYPES[next(EXAM_TYPES.length)] ?? 'security',
            total,
            correct: next(total + 1),
          };
        }),
        studyStreak: next(20),
        lessonsCompleted: next(30),
        habitCompletions: next(40),
        habitLongestStreaks: Array.from({ length: next(3) }, () => next(25)),
        dailyGoalsMet: next(6),
        xp: next(3) ? next(2000) : 0,
      },
      now,
    );
  }
});

const ALL_CRITERIA: Criteria[] = CRITERIA_TYPES.flatMap((type): Criteria[] =>
  type === 'exam_specific'
    ? EXAM_TYPES.map((examType) => ({ type, value: 1, examType }))
    : [{ type, value: 1 }],
);

describe('criteria measures over the whole population', () => {
  it.each(ALL_CRITERIA.map((criteria) => [`${criteria.type} ${criteria.examType ?? ''}`, criteria] as const))(
    '%s equals the per-learner measure of readPlayerStats',
    async (_name, criteria) => {
      const query = criteriaMeasureQuery(criteria);
      const rows = await db
        .em()
        .execute<{ user_id: string; measure: number }[]>(query.sql, [...query.params]);
      const measured = new Map(rows.map((row) => [Number(row.user_id), Number(row.measure)]));
      for (const userId of learners) {
        const expected = criteriaMeasure(criteria, await readPlayerStats(db.em(), userId));
        expect(measured.get(userId) ?? 0, `learner ${userId}`).toBe(expected);
      }
    },
  );

  it('selects exactly the learners who meet a rule, at every threshold', async () => {
    let checked = 0;
    for (const base of ALL_CRITERIA) {
      for (const value of [1, 2, 5, 10, 100]) {
        const criteria = { ...base, value };
        const query = qualifyingLearnersQuery(criteria);
        const rows = await db.em().execute<{ user_id: string }[]>(query.sql, [...query.params]);
        const selected = new Set(rows.map((row) => Number(row.user_id)));
        for (const userId of learners) {
          const meets = criteriaMeasure(criteria, await readPlayerStats(db.em(), userId)) >= value;
          expect(selected.has(userId), `${criteria.type} ≥ ${value}, learner ${userId}`).toBe(meets);
          if (meets) checked += 1;
        }
      }
    }
    // The data must make the comparison meaningful: plenty of learners meet some rule.
    expect(checked).toBeGreaterThan(50);
  });
});
