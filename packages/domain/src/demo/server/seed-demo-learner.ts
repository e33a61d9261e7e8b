import type { EntityManager } from '@mikro-orm/postgresql';
import { awardUnlocks } from '../../game/server/award-unlocks.ts';
import { addDays, toLocalDate } from '../../game/universal/local-day.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { User } from '../../identity/server/user.entity.ts';
import { seedDemoHabits } from './demo-habits.ts';
import { completeDemoLesson, takeDemoQuiz, type DemoDay } from './demo-learning.ts';

export const DEMO_LEARNER = {
  email: 'learner@questline.local',
  username: 'demo_learner',
  password: 'questline-demo',
  timeZone: 'Europe/Madrid',
} as const;

const HISTORY_DAYS = 14;

/**
 * Development only: a learner with two weeks behind them — a lesson a day, a quiz every other
 * day, three habits — all written through the XP ledger, so their XP equals the ledger. Created
 * once; an existing demo learner is left as it is.
 */
export async function seedDemoLearner(em: EntityManager, now: Date): Promise<'created' | 'exists'> {
  if (await em.count(User, { email: DEMO_LEARNER.email })) return 'exists';
  const today = toLocalDate(now, DEMO_LEARNER.timeZone);
  const days: DemoDay[] = Array.from({ length: HISTORY_DAYS }, (_, index) => {
    const date = addDays(today, index - (HISTORY_DAYS - 1));
    // Early evening in Madrid (18:00 UTC), never later than now.
    const instant = new Date(Math.min(Date.parse(`${date}T18:00:00Z`), now.getTime() - 60_000));
    return { date, instant };
  });
  const firstDay = days[0]?.instant ?? now;
  const user = await createAccount(em, DEMO_LEARNER, new Date(firstDay.getTime() - 3_600_000), {
    isVerified: true,
  });
  await em.transactional(async (tx) => {
    await tx.execute('update users set timezone = ? where id = ?', [DEMO_LEARNER.timeZone, user.id]);
    await tx.execute(
      `insert into user_courses (user_id, course_id, started_at)
       select ?, c.id, ? from courses c join languages f on f.id = c.from_language_id join languages t on t.id = c.to_language_id
        where f.code = 'en' and t.code = 'es'`,
      [user.id, firstDay],
    );
    const lessons = await tx.execute<{ id: string; key: string; xp_reward: number }[]>(
      `select l.id, l.key, l.xp_reward from lessons l join units u on u.id = l.unit_id join sections s on s.id = u.section_id
        order by s.position, u.position, l.position`,
    );
    for (const [index, day] of days.entries()) {
      const lesson = lessons[index];
      if (lesson) await completeDemoLesson(tx, user.id, lesson, day, DEMO_LEARNER.timeZone);
      if (index % 2 === 1 || !lesson) await takeDemoQuiz(tx, user.id, index, day, DEMO_LEARNER.timeZone);
      await tx.execute(
        `insert into user_streak_days (user_id, local_date, status, reason, created_at, practiced_at, time_zone)
         values (?, ?, 'practiced', ?, ?, ?, ?)`,
        [
          user.id,
          day.date,
          lesson ? `completed ${lesson.key}` : 'completed a quiz',
          day.instant,
          day.instant,
          DEMO_LEARNER.timeZone,
        ],
      );
    }
    await seedDemoHabits(tx, user.id, days, DEMO_LEARNER.timeZone);
    const completed = Math.min(lessons.length, HISTORY_DAYS);
    await tx.execute(`update user_courses set completion_percent = ? where user_id = ?`, [
      lessons.length ? Math.round((completed / lessons.length) * 100) : 0,
      user.id,
    ]);
    await tx.execute(
      `update user_profiles set study_streak_current = ?, study_streak_longest = ?, last_activity_date = ?,
              streak_freezes = 2, bio = ? where user_id = ?`,
      [HISTORY_DAYS, HISTORY_DAYS, today, 'Learning Spanish one evening at a time.', user.id],
    );
    await awardUnlocks(tx, user.id, now, DEMO_LEARNER.timeZone);
    await tx.execute(
      `update user_profiles set selected_avatar_id = (select id from avatars where is_default order by display_order limit 1)
        where user_id = ?`,
      [user.id],
    );
  });
  return 'created';
}
