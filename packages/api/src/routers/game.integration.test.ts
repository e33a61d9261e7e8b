import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import {
  answersOf,
  lessonIdOf,
  newIdempotencyKey,
  useLessonContent,
} from '@questline/domain/learning/server/testing/lesson-fixtures';
import { describe, expect, it } from 'vitest';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { fieldPathsOf } from '../testing/field-paths.ts';
import { playLessonThroughApi } from '../testing/lesson-play.ts';

const db = useTestDatabase();
useLessonContent(db);
const HOUR = 3_600_000;
// Near the real clock (sessions signed in now stay valid), on a whole hour so days are predictable.
const noon = new Date(Math.ceil(Date.now() / HOUR) * HOUR);
const today = noon.toISOString().slice(0, 10);
const at = (ms: number) => () => new Date(noon.getTime() + ms);

/** A learner acting at noon (and later), who has completed the first lesson at noon. */
async function learnerWithALesson() {
  const learner = await signedUpLearner(db);
  const caller = await callerFor(db, learner.token, { now: at(0) });
  const sessionId = await playLessonThroughApi(db, caller, 'es-greetings-1');
  const completion = await caller.learning.complete({ sessionId, idempotencyKey: newIdempotencyKey() });
  return { ...learner, caller, completion };
}

describe('game.summary and game.streak', () => {
  it('show XP, level and the streak after a completed lesson, each day explained', async () => {
    const { caller, completion, token } = await learnerWithALesson();
    expect(await caller.game.summary()).toMatchObject({
      xp: completion.totalXp,
      level: completion.level,
      studyStreakCurrent: 1,
      studyStreakLongest: 1,
    });
    const streak = await caller.game.streak({ days: 7 });
    expect(streak.summary).toMatchObject({ current: 1, atRisk: false, today });
    expect(streak.days.at(-1)).toMatchObject({ date: today, status: 'practiced', streak: 1 });
    expect(streak.days.at(-1)?.reason).toContain('es-greetings-1');
    // A day later the streak is at risk, not lost; two days later it is gone.
    const tomorrow = await callerFor(db, token, { now: at(24 * HOUR) });
    expect((await tomorrow.game.streak({})).summary).toMatchObject({ current: 1, atRisk: true });
    const afterTomorrow = await callerFor(db, token, { now: at(48 * HOUR) });
    expect((await afterTomorrow.game.streak({})).summary).toMatchObject({ current: 0, longest: 1 });
  });

  it('refuses a history length out of range with its field path', async () => {
    const { caller } = await signedUpLearner(db);
    for (const days of [0, 367]) {
      const error = await trpcErrorOf(caller.game.streak({ days }));
      expect([error.code, fieldPathsOf(error)]).toEqual(['BAD_REQUEST', [['days']]]);
    }
    const anonymous = await callerFor(db);
    expect((await trpcErrorOf(anonymous.game.summary())).code).toBe('UNAUTHORIZED');
  });
});

describe('game.hearts', () => {
  it('regenerate on read, one every four hours, without writing anything', async () => {
    const { account, token } = await signedUpLearner(db);
    const caller = await callerFor(db, token, { now: at(0) });
    const lessonId = await lessonIdOf(db.em(), 'es-greetings-1');
    const run = await caller.learning.start({ lessonId });
    const [known] = await answersOf(db.em(), lessonId);
    if (!known) throw new Error('the lesson has no exercises');
    await caller.learning.answer({
      sessionId: run.sessionId,
      exerciseId: known.exerciseId,
      answer: known.wrong,
      timeSpentMs: 1_000,
    });
    expect(await caller.game.hearts()).toMatchObject({
      hearts: 4,
      max: 5,
      nextHeartAt: new Date(noon.getTime() + 4 * HOUR),
    });
    const later = await callerFor(db, token, { now: at(4 * HOUR) });
    expect(await later.game.hearts()).toMatchObject({ hearts: 5, nextHeartAt: null, regenerated: 1 });
    const [stored] = await db
      .em()
      .execute<{ hearts: number }[]>('select hearts from user_profiles where user_id = ?', [account.id]);
    expect(stored?.hearts).toBe(4);
  });

  it('at zero, say when the next heart comes, and a lesson cannot start', async () => {
    const { account, token } = await signedUpLearner(db);
    await db
      .em()
      .execute('update user_profiles set hearts = 0, hearts_regen_from = ? where user_id = ?', [
        noon,
        account.id,
      ]);
    const caller = await callerFor(db, token, { now: at(HOUR) });
    expect(await caller.game.hearts()).toMatchObject({
      hearts: 0,
      nextHeartAt: new Date(noon.getTime() + 4 * HOUR),
    });
    const error = await trpcErrorOf(
      caller.learning.start({ lessonId: await lessonIdOf(db.em(), 'es-greetings-1') }),
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.cause).toMatchObject({ code: 'HEARTS_EMPTY' });
  });
});

describe('game.achievements and game.badges', () => {
  it('show locked achievements with progress and hide the hidden ones', async () => {
    const { caller } = await signedUpLearner(db);
    const achievements = await caller.game.achievements();
    expect(achievements.length).toBeGreaterThan(0);
    for (const achievement of achievements) {
      expect(achievement.earnedAt).toBeNull();
      if (achievement.hidden) {
        expect(achievement).toMatchObject({ name: 'Hidden achievement', progress: null, xpReward: 0 });
      } else {
        const progress = achievement.progress ?? { current: -1, target: 0 };
        expect(progress.current).toBeGreaterThanOrEqual(0);
        expect(progress.current).toBeLessThan(progress.target);
      }
    }
    expect(achievements.some((achievement) => achievement.hidden)).toBe(true);
    expect(await caller.game.badges()).toEqual([]);
  });

  it("list what a completion unlocked as the learner's own, and only theirs", async () => {
    const { caller, completion } = await learnerWithALesson();
    expect(completion.unlocks.badges).toContain('FIRST_SESSION');
    const badges = await caller.game.badges();
    expect(badges.map((badge) => badge.code).sort()).toEqual([...completion.unlocks.badges].sort());
    expect(badges[0]).toMatchObject({ granted: false, unlockedAt: noon });
    const earned = (await caller.game.achievements()).filter((achievement) => achievement.earnedAt);
    expect(earned.map((achievement) => achievement.code).sort()).toEqual(
      [...completion.unlocks.achievements].sort(),
    );
    const other = await signedUpLearner(db);
    expect(await other.caller.game.badges()).toEqual([]);
    expect((await other.caller.game.achievements()).filter((achievement) => achievement.earnedAt)).toEqual(
      [],
    );
  });
});
