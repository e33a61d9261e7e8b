import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { expectLedgerBalanced } from '@questline/domain/game/server/testing/ledger-invariant';
import { newKey } from '@questline/domain/habits/server/testing/habit-fixtures';
import { type DomainError } from '@questline/domain/shared/universal/domain-error';
import type { StatsCache } from '@questline/domain/social/server/stats-cache';
import { insertPosts } from '@questline/domain/social/server/testing/social-factory';
import { describe, expect, it } from 'vitest';
import { expectBadInputAt } from '../testing/admin.ts';
import { callerFor, signedUpLearner, trpcErrorOf } from '../testing/callers.ts';
import { useRedisStatsCache } from '../testing/redis.ts';

const db = useTestDatabase();
const now = new Date('2026-03-20T12:00:00Z');
const redisStats = await useRedisStatsCache();
if (!redisStats.cache) console.warn(`[skip] profile stats cache test: ${redisStats.reason}`);
const learner = (statsCache?: StatsCache) =>
  signedUpLearner(db, {}, { now: () => now, ...(statsCache ? { ports: { statsCache } } : {}) });

describe('profile settings', () => {
  it('starts from the defaults and changes only the settings given', async () => {
    const { caller, input } = await learner();
    expect(await caller.profile.me()).toEqual({
      username: input.username,
      tagline: null,
      timezone: 'UTC',
      dailyXpGoal: 20,
      avatar: null,
    });
    const updated = await caller.profile.updateSettings({
      tagline: '  Cafe\u0301 & 日本語 👨‍👩‍👧‍👦 ',
      timezone: 'europe/madrid',
      dailyXpGoal: 30,
    });
    expect(updated).toMatchObject({
      tagline: 'Café & 日本語 👨‍👩‍👧‍👦',
      timezone: 'Europe/Madrid',
      dailyXpGoal: 30,
    });
    expect(await caller.profile.updateSettings({ dailyXpGoal: 50 })).toEqual({ ...updated, dailyXpGoal: 50 });
    expect((await caller.profile.updateSettings({ tagline: null })).tagline).toBeNull();
    expect(await caller.auth.me()).toMatchObject({ timezone: 'Europe/Madrid', dailyXpGoal: 50 });
  });

  it('moves the learner’s today with their time zone', async () => {
    const { caller } = await learner();
    await caller.profile.updateSettings({ timezone: 'Pacific/Kiritimati' });
    expect((await caller.habits.dashboard()).today).toBe('2026-03-21');
    await caller.profile.updateSettings({ timezone: 'Pacific/Pago_Pago' });
    expect((await caller.habits.dashboard()).today).toBe('2026-03-20');
  });

  it('refuses bad settings with the field at fault and changes nothing', async () => {
    const { caller } = await learner();
    const before = await caller.profile.updateSettings({ tagline: 'keep me', timezone: 'Asia/Tokyo' });
    const update = caller.profile.updateSettings;
    await expectBadInputAt(
      update({ tagline: 'x'.repeat(49), dailyXpGoal: 10 }),
      ['tagline'],
      'TAGLINE_TOO_LONG',
    );
    await expectBadInputAt(update({ tagline: 'gnp\u202Eexe' }), ['tagline'], 'TAGLINE_BIDI_CONTROL');
    await expectBadInputAt(update({ timezone: 'Mars/Olympus_Mons' }), ['timezone']);
    await expectBadInputAt(update({ timezone: '+01:00' }), ['timezone']);
    await expectBadInputAt(update({ dailyXpGoal: 25 as 20 }), ['dailyXpGoal']);
    await expectBadInputAt(update({ tagline: 'ok', dailyXpGoal: 0 as 20 }), ['dailyXpGoal']);
    await expectBadInputAt(update({}), []);
    expect(await caller.profile.me()).toEqual(before);
  });

  it('changes only the caller’s own settings', async () => {
    const a = await learner();
    const before = await a.caller.profile.me();
    const b = await learner();
    await b.caller.profile.updateSettings({ tagline: 'B was here', timezone: 'Asia/Tokyo', dailyXpGoal: 10 });
    expect(await (await callerFor(db, a.token, { now: () => now })).profile.me()).toEqual(before);
  });
});

describe('profile.public', () => {
  it('shows another learner’s public things only, found by username in any case', async () => {
    const owner = await learner();
    await owner.caller.profile.updateSettings({ tagline: 'Learning every day', timezone: 'Asia/Tokyo' });
    const [post = 0] = await insertPosts(db.em(), owner.account.id, 1);
    await owner.caller.social.highlights.add({ postId: post });

    const viewer = await learner();
    const profile = await viewer.caller.profile.public({ username: owner.input.username.toUpperCase() });
    expect(profile).toMatchObject({
      username: owner.input.username,
      tagline: 'Learning every day',
      level: 1,
      xp: 0,
      avatar: null,
      tagBadges: [],
      highlights: [{ postId: post, position: 0, excerpt: 'Post number 1' }],
    });
    expect(Object.keys(profile).sort()).toEqual(
      ['avatar', 'highlights', 'level', 'tagBadges', 'tagline', 'username', 'xp'].sort(),
    );
  });

  it('finds no unknown or deactivated learner, and refuses a malformed username', async () => {
    const { caller } = await learner();
    const gone = await learner();
    await db.em().execute('update users set is_active = false where id = ?', [gone.account.id]);
    for (const username of [gone.input.username, 'nobody_by_this_name']) {
      const error = await trpcErrorOf(caller.profile.public({ username }));
      expect(error.code).toBe('NOT_FOUND');
      expect((error.cause as DomainError).code).toBe('PROFILE_NOT_FOUND');
    }
    await expectBadInputAt(caller.profile.public({ username: 'no spaces here' }), ['username']);
  });
});

describe('profile.stats', () => {
  it.skipIf(!redisStats.cache)(
    'caches the learner’s numbers in Redis and recomputes them once their progress moves',
    async () => {
      const statsCache = redisStats.cache as StatsCache;
      const { caller, account } = await learner(statsCache);
      expect(await caller.profile.stats()).toMatchObject({ xp: 0, level: 1, streak: 0, accuracy: null });
      expect((await statsCache.get(account.id))?.xp).toBe(0);

      const habit = await caller.habits.create({ name: 'Read' });
      await caller.habits.checkIn({ habitId: habit.id, date: '2026-03-20', idempotencyKey: newKey() });
      expect(await statsCache.get(account.id)).toBeNull();
      expect((await caller.profile.stats()).xp).toBe(5);

      await caller.profile.updateSettings({ dailyXpGoal: 50 });
      expect(await statsCache.get(account.id)).not.toBeNull();
      await caller.profile.updateSettings({ timezone: 'America/Lima' });
      expect(await statsCache.get(account.id)).toBeNull();
      await expectLedgerBalanced(db.em());
    },
  );

  it('refuses every profile procedure to an anonymous caller', async () => {
    const anonymous = await callerFor(db);
    const calls = [
      () => anonymous.profile.me(),
      () => anonymous.profile.updateSettings({ dailyXpGoal: 10 }),
      () => anonymous.profile.public({ username: 'someone' }),
      () => anonymous.profile.stats(),
    ];
    for (const call of calls) expect((await trpcErrorOf(call())).code).toBe('UNAUTHORIZED');
  });
});
