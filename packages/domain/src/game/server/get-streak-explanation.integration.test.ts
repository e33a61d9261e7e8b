import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { addDays } from '../universal/local-day.ts';
import { streakExplanationSchema } from '../universal/streak-explanation.ts';
import { localTimeToInstant } from '../universal/zoned-time.ts';
import { getStreakExplanation } from './get-streak-explanation.ts';
import { recordPracticeDay } from './record-practice.ts';

const db = useTestDatabase();
const D = '2026-03-01';

async function learner(timeZone: string): Promise<number> {
  const user = await createAccount(db.em(), uniqueSignUpInput(), new Date('2026-01-01T00:00:00Z'));
  await db.em().execute('update users set timezone = ? where id = ?', [timeZone, user.id]);
  return user.id;
}

async function practiseDaily(userId: number, first: string, count: number, timeZone: string) {
  for (let day = 0; day < count; day += 1) {
    const instant = localTimeToInstant(addDays(first, day), '19:00:00', timeZone);
    await db
      .em()
      .transactional((tx) =>
        recordPracticeDay(tx, { userId, instant, timeZone, reason: `completed lesson ${day + 1}` }),
      );
  }
}

const explainAt = (userId: number, date: string, time: string, zone: string, days?: number) =>
  getStreakExplanation(db.em(), userId, localTimeToInstant(date, time, zone), days);

describe('getStreakExplanation', () => {
  it('explains each day and says the streak is at risk the morning after', async () => {
    const userId = await learner('Europe/Madrid');
    await practiseDaily(userId, D, 7, 'Europe/Madrid');

    const explanation = await explainAt(userId, '2026-03-08', '09:00:00', 'Europe/Madrid');
    expect(streakExplanationSchema.parse(explanation)).toEqual(explanation);
    expect(explanation.summary).toEqual({
      current: 7,
      longest: 7,
      atRisk: true,
      freezesHeld: 1,
      today: '2026-03-08',
      lastPracticeDate: '2026-03-07',
    });
    expect(explanation.days.at(0)).toEqual({
      date: D,
      status: 'practiced',
      streak: 1,
      explanation: 'Practised: day 1 of the streak',
      reason: 'completed lesson 1',
    });
    expect(explanation.days.slice(-2)).toEqual([
      {
        date: '2026-03-07',
        status: 'practiced',
        streak: 7,
        explanation: 'Practised: day 7 of the streak; reached the 7-day milestone and earned a streak freeze',
        reason: 'completed lesson 7',
      },
      {
        date: '2026-03-08',
        status: 'pending',
        streak: 7,
        explanation: 'Today: practise to keep your 7-day streak',
        reason: null,
      },
    ]);
  });

  it('covers a missed day with a freeze on read, and lapses when the gap outgrows the freezes', async () => {
    const userId = await learner('Europe/Madrid');
    await practiseDaily(userId, D, 7, 'Europe/Madrid');

    // Just after midnight: 8 March passed unpractised, so the held freeze covers it.
    const covered = await explainAt(userId, '2026-03-09', '00:00:01', 'Europe/Madrid');
    expect(covered.summary).toMatchObject({ current: 7, atRisk: true, freezesHeld: 0 });
    expect(covered.days.find((day) => day.date === '2026-03-08')).toMatchObject({
      status: 'frozen',
      explanation:
        'Frozen: covered by a freeze earned on 2026-03-07 (7-day milestone), spent when you next practise',
    });
    // A day later the gap is two days long: the streak is lost and the freeze stays held.
    const lapsed = await explainAt(userId, '2026-03-10', '00:00:01', 'Europe/Madrid');
    expect(lapsed.summary).toMatchObject({ current: 0, longest: 7, atRisk: false, freezesHeld: 1 });
    expect(lapsed.days.slice(-3).map((day) => day.status)).toEqual(['missed', 'missed', 'pending']);
    // Nothing was written by reading: the profile still holds the state of the last practice.
    const [profile] = await db
      .em()
      .execute<{ current: number }[]>(
        'select study_streak_current as current from user_profiles where user_id = ?',
        [userId],
      );
    expect(profile?.current).toBe(7);
  });

  it('uses the learner’s own time zone for today (UTC+14 is a day ahead of UTC)', async () => {
    const userId = await learner('Pacific/Kiritimati');
    await practiseDaily(userId, D, 2, 'Pacific/Kiritimati');
    // 12:00 UTC on 2 March is already 3 March, 02:00 in Kiritimati.
    const explanation = await getStreakExplanation(db.em(), userId, new Date('2026-03-02T12:00:00Z'));
    expect(explanation.summary).toMatchObject({ today: '2026-03-03', current: 2, atRisk: true });
  });

  it('returns the last N days, today included', async () => {
    const userId = await learner('UTC');
    await practiseDaily(userId, D, 40, 'UTC');
    const now = { date: '2026-04-09', time: '20:00:00', zone: 'UTC' } as const;
    const month = await explainAt(userId, now.date, now.time, now.zone);
    expect(month.days).toHaveLength(30);
    expect(month.days.at(0)?.date).toBe('2026-03-11');
    expect(month.days.at(-1)).toMatchObject({ date: '2026-04-09', status: 'practiced', streak: 40 });
    expect((await explainAt(userId, now.date, now.time, now.zone, 3)).days.map((day) => day.date)).toEqual([
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
    ]);
  });

  it('answers a learner who never practised', async () => {
    const userId = await learner('UTC');
    const explanation = await explainAt(userId, D, '10:00:00', 'UTC');
    expect(explanation).toEqual({
      summary: { current: 0, longest: 0, atRisk: false, freezesHeld: 0, today: D, lastPracticeDate: null },
      days: [
        {
          date: D,
          status: 'pending',
          streak: 0,
          explanation: 'Today: practise to start a streak',
          reason: null,
        },
      ],
    });
  });

  it.each([0, 367, 1.5])('refuses %s days of history', async (days) => {
    const userId = await learner('UTC');
    const error = await explainAt(userId, D, '10:00:00', 'UTC', days).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'STREAK_DAYS_OUT_OF_RANGE',
      kind: 'BAD_INPUT',
      details: { path: ['days'] },
    });
  });

  it('refuses a user without a game profile', async () => {
    const error = await getStreakExplanation(db.em(), 999_999_999, new Date()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'PROFILE_NOT_FOUND', kind: 'NOT_FOUND' });
  });
});
