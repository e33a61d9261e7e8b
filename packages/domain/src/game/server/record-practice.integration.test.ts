import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { addDays, toLocalDate } from '../universal/local-day.ts';
import { computeStudyStreak, type PracticeInstant } from '../universal/study-streak.ts';
import { localTimeToInstant } from '../universal/zoned-time.ts';
import { readStreakDays, toPracticeHistory } from './read-streak-days.ts';
import { recordPracticeDay } from './record-practice.ts';
import { expectLedgerBalanced } from './testing/ledger-invariant.ts';

const db = useTestDatabase();
const D = '2026-03-01';
const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14
const NIUE = 'Pacific/Niue'; // UTC−11

async function learner(timeZone = 'UTC'): Promise<number> {
  const user = await createAccount(db.em(), uniqueSignUpInput(), new Date('2026-01-01T00:00:00Z'));
  await db.em().execute('update users set timezone = ? where id = ?', [timeZone, user.id]);
  return user.id;
}

const practiseAt = (userId: number, practice: PracticeInstant, reason = 'completed a lesson') =>
  db.em().transactional((tx) => recordPracticeDay(tx, { userId, ...practice, reason }));
const at = (date: string, time: string, timeZone = 'UTC'): PracticeInstant => ({
  instant: localTimeToInstant(date, time, timeZone),
  timeZone,
});
/** One practice at noon on each of `count` days from `first`. */
async function practiseDaily(userId: number, first: string, count: number, timeZone = 'UTC') {
  for (let day = 0; day < count; day += 1)
    await practiseAt(userId, at(addDays(first, day), '12:00:00', timeZone));
}

async function storedState(userId: number) {
  const [profile] = await db
    .em()
    .execute<{ current: number; longest: number; freezes: number; last: string | null }[]>(
      `select study_streak_current as current, study_streak_longest as longest, streak_freezes as freezes,
            to_char(last_activity_date, 'YYYY-MM-DD') as last
       from user_profiles where user_id = ?`,
      [userId],
    );
  const days = await readStreakDays(db.em(), userId);
  return { profile, days };
}
const statuses = (days: readonly { date: string; status: string }[]) =>
  Object.fromEntries(days.map((day) => [day.date, day.status]));

/** The stored rows and profile equal the pure rule recomputed from the stored history. */
async function expectStoredEqualsRule(userId: number): Promise<void> {
  const { profile, days } = await storedState(userId);
  const history = toPracticeHistory(days, 'UTC');
  const latest = history.reduce((a, b) => (b.instant > a.instant ? b : a));
  const rule = computeStudyStreak(history, latest.instant, latest.timeZone);
  expect(profile).toEqual({
    current: rule.summary.current,
    longest: rule.summary.longest,
    freezes: rule.summary.freezesHeld,
    last: rule.summary.lastPracticeDate,
  });
  const counted = rule.days.filter((day) => day.status === 'practiced' || day.status === 'frozen');
  expect(statuses(days)).toEqual(statuses(counted));
}

afterEach(async () => {
  await expectLedgerBalanced(db.em());
});

describe('recordPracticeDay', () => {
  it('counts consecutive days and keeps a row per day with why it counts and where', async () => {
    const userId = await learner();
    await practiseAt(userId, at(D, '12:00:00'), 'completed es-greetings-1');
    await practiseAt(userId, at('2026-03-02', '12:00:00'));
    const state = await practiseAt(userId, at('2026-03-03', '12:00:00'));

    expect(state).toEqual({
      localDate: '2026-03-03',
      current: 3,
      longest: 3,
      freezesHeld: 0,
      frozenDays: [],
      dayAdded: true,
    });
    const { profile, days } = await storedState(userId);
    expect(profile).toEqual({ current: 3, longest: 3, freezes: 0, last: '2026-03-03' });
    expect(days.map((day) => [day.date, day.status, day.reason])).toEqual([
      ['2026-03-01', 'practiced', 'completed es-greetings-1'],
      ['2026-03-02', 'practiced', 'completed a lesson'],
      ['2026-03-03', 'practiced', 'completed a lesson'],
    ]);
    await expectStoredEqualsRule(userId);
  });

  it('earns a freeze at 7 and 14 days and holds at most 2', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 6);
    expect(await practiseAt(userId, at('2026-03-07', '12:00:00'))).toMatchObject({
      current: 7,
      freezesHeld: 1,
    });
    await practiseDaily(userId, '2026-03-08', 6);
    expect(await practiseAt(userId, at('2026-03-14', '12:00:00'))).toMatchObject({
      current: 14,
      freezesHeld: 2,
    });
    await practiseDaily(userId, '2026-03-15', 7);
    expect((await storedState(userId)).profile).toMatchObject({ current: 21, longest: 21, freezes: 2 });
    await expectStoredEqualsRule(userId);
  });

  it('spends a held freeze on a missed day and records it as frozen, with the freeze that covers it', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 7);
    const state = await practiseAt(userId, at('2026-03-09', '08:00:00'));

    expect(state).toMatchObject({ current: 9, longest: 9, freezesHeld: 0, frozenDays: ['2026-03-08'] });
    const frozen = (await storedState(userId)).days.find((day) => day.date === '2026-03-08');
    expect(frozen).toMatchObject({
      status: 'frozen',
      reason: 'Frozen: covered by a freeze earned on 2026-03-07 (7-day milestone)',
    });
    await expectStoredEqualsRule(userId);
  });

  it('breaks on a gap longer than the freezes held, which stay held', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 7);
    const state = await practiseAt(userId, at('2026-03-10', '12:00:00'));
    expect(state).toMatchObject({ current: 1, longest: 7, freezesHeld: 1, frozenDays: [] });
    expect(statuses((await storedState(userId)).days)).not.toHaveProperty('2026-03-08');
    await expectStoredEqualsRule(userId);
  });

  it('counts two completions the same day once, even twenty at once', async () => {
    const userId = await learner();
    await practiseAt(userId, at(D, '08:00:00'));
    const second = await practiseAt(userId, at(D, '21:00:00'));
    expect(second).toMatchObject({ current: 1, dayAdded: false });

    const states = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        practiseAt(userId, at('2026-03-02', `10:00:${String(index).padStart(2, '0')}`)),
      ),
    );
    expect(states.every((state) => state.current === 2 && state.localDate === '2026-03-02')).toBe(true);
    const { profile, days } = await storedState(userId);
    expect(profile).toMatchObject({ current: 2, longest: 2 });
    expect(days).toHaveLength(2);
    await expectStoredEqualsRule(userId);
  });

  it('serialises concurrent completions of different days on the locked profile', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 7);
    // Twelve days recorded at once, in no particular order (8 March and 13 March left out).
    const dates = [
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      ...Array.from({ length: 8 }, (_, i) => addDays('2026-03-14', i)),
    ];
    await Promise.all(dates.map((date) => practiseAt(userId, at(date, '12:00:00'))));
    const { profile, days } = await storedState(userId);
    expect(statuses(days)).toMatchObject({ '2026-03-08': 'frozen' });
    expect(statuses(days)).not.toHaveProperty('2026-03-13');
    expect(profile).toEqual({ current: 8, longest: 12, freezes: 1, last: '2026-03-21' });
    await expectStoredEqualsRule(userId);
  });

  it.each([
    [KIRITIMATI, 'UTC+14'],
    [NIUE, 'UTC−11'],
  ])('in %s (%s), 23:59:59 and 00:00:00 local are two days', async (zone) => {
    const userId = await learner(zone);
    await practiseAt(userId, at(D, '23:59:59', zone));
    const state = await practiseAt(userId, at('2026-03-02', '00:00:00', zone));
    expect(state).toMatchObject({ localDate: '2026-03-02', current: 2, dayAdded: true });
    expect((await storedState(userId)).days.map((day) => day.date)).toEqual([D, '2026-03-02']);
    await expectStoredEqualsRule(userId);
  });

  it('takes no day for a move east across the date line: the jumped date is skipped', async () => {
    const userId = await learner(NIUE);
    await practiseDaily(userId, D, 2, NIUE);
    // Monday noon in Niue, then 23 hours later it is already Wednesday noon in Kiritimati.
    const state = await practiseAt(userId, at('2026-03-04', '12:00:00', KIRITIMATI));
    expect(state).toMatchObject({ current: 3, longest: 3, frozenDays: [] });
    expect(statuses((await storedState(userId)).days)).not.toHaveProperty('2026-03-03');
    await expectStoredEqualsRule(userId);
  });

  it('grants no day for a move west: a repeated date counts once', async () => {
    const userId = await learner('Europe/Madrid');
    await practiseAt(userId, at('2026-01-12', '23:30:00', 'Europe/Madrid'));
    // Flying to New York the same evening: it is Monday again there.
    const repeated = await practiseAt(userId, at('2026-01-12', '20:00:00', 'America/New_York'));
    expect(repeated).toMatchObject({ localDate: '2026-01-12', current: 1, dayAdded: false });
    expect(await practiseAt(userId, at('2026-01-13', '20:00:00', 'America/New_York'))).toMatchObject({
      current: 2,
    });
    await expectStoredEqualsRule(userId);
  });

  it('grants no day for a move east that cannot skip one: the lived day is missed', async () => {
    const userId = await learner('America/New_York');
    await practiseAt(userId, at('2026-01-12', '20:00:00', 'America/New_York'));
    const state = await practiseAt(userId, at('2026-01-14', '08:00:00', 'Asia/Tokyo'));
    expect(state).toMatchObject({ current: 1, longest: 1 });
    await expectStoredEqualsRule(userId);
  });

  it('recomputes when a practice arrives late, for an earlier day', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 7);
    await practiseAt(userId, at('2026-03-09', '12:00:00'));
    expect(statuses((await storedState(userId)).days)).toMatchObject({ '2026-03-08': 'frozen' });
    // An offline completion from 8 March syncs afterwards: the day counts and the freeze returns.
    const late = await practiseAt(userId, at('2026-03-08', '12:00:00'));
    expect(late).toMatchObject({ localDate: '2026-03-08', current: 9, freezesHeld: 1, dayAdded: true });
    expect(statuses((await storedState(userId)).days)).toMatchObject({ '2026-03-08': 'practiced' });
    await expectStoredEqualsRule(userId);
  });
  it('moves a freeze when a late practice changes which gap it covers, removing the old frozen row', async () => {
    const userId = await learner();
    await practiseDaily(userId, D, 7); // a freeze earned on 7 March
    await practiseDaily(userId, '2026-03-10', 4); // 8–9 March: too long a gap, the freeze stays held
    await practiseDaily(userId, '2026-03-15', 2); // 14 March: covered by it
    expect(statuses((await storedState(userId)).days)).toMatchObject({ '2026-03-14': 'frozen' });
    expect((await storedState(userId)).profile).toMatchObject({ current: 7, longest: 7, freezes: 1 });
    // A completion from 8 March is recorded late: the freeze now covers 9 March, 14 March is missed.
    const late = await practiseAt(userId, at('2026-03-08', '12:00:00'));
    expect(late).toEqual({
      localDate: '2026-03-08',
      current: 2,
      longest: 13,
      freezesHeld: 0,
      frozenDays: ['2026-03-09'],
      dayAdded: true,
    });
    const days = statuses((await storedState(userId)).days);
    expect(days).toMatchObject({ '2026-03-08': 'practiced', '2026-03-09': 'frozen' });
    expect(days).not.toHaveProperty('2026-03-14');
    await expectStoredEqualsRule(userId);
  });
});

describe('recordPracticeDay on random histories', () => {
  const zones = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', KIRITIMATI, NIUE] as const;
  const journey = fc.record({
    start: fc.integer({ min: 0, max: 30 * 86_400 }),
    zone: fc.constantFrom(...zones),
    steps: fc.array(
      fc.record({
        seconds: fc.oneof(
          fc.integer({ min: 0, max: 12 * 3600 }),
          fc.integer({ min: 17 * 3600, max: 31 * 3600 }),
          fc.integer({ min: 40 * 3600, max: 76 * 3600 }),
        ),
        zone: fc.option(fc.constantFrom(...zones), { freq: 4 }),
        // Repeating a step makes runs of daily practice, so milestones and freezes come up.
        times: fc.oneof({ arbitrary: fc.constant(1), weight: 2 }, fc.integer({ min: 2, max: 8 })),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  });

  it('stores exactly what the rule computes from the stored history (50 journeys)', async () => {
    await fc.assert(
      fc.asyncProperty(journey, async ({ start, zone, steps }) => {
        const userId = await learner(zone);
        let ms = Date.parse('2026-02-20T00:00:00Z') + start * 1000;
        let current: string = zone;
        const sent: PracticeInstant[] = [];
        for (const step of steps) {
          current = step.zone ?? current;
          for (let time = 0; time < step.times; time += 1) {
            ms += step.seconds * 1000;
            sent.push({ instant: new Date(ms), timeZone: current });
            await practiseAt(userId, { instant: new Date(ms), timeZone: current });
          }
        }
        await expectStoredEqualsRule(userId);
        // The stored history is the first practice of each date: the rule on it is the rule on what was sent.
        const firsts = sent.filter(
          (practice, index) =>
            sent.findIndex(
              (other) =>
                toLocalDate(other.instant, other.timeZone) ===
                toLocalDate(practice.instant, practice.timeZone),
            ) === index,
        );
        const last = sent.at(-1) ?? { instant: new Date(ms), timeZone: current };
        const expected = computeStudyStreak(firsts, last.instant, last.timeZone).summary;
        expect((await storedState(userId)).profile).toEqual({
          current: expected.current,
          longest: expected.longest,
          freezes: expected.freezesHeld,
          last: expected.lastPracticeDate,
        });
      }),
      { numRuns: 50, seed: 20_260_302 },
    );
  }, 120_000);
});
