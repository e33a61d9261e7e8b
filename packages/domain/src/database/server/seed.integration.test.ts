import { describe, expect, it } from 'vitest';
import { DEMO_LEARNER } from '../../demo/server/seed-demo-learner.ts';
import { recomputeStandings } from '../../game/server/recompute-standings.ts';
import { ENTITIES } from './entities.ts';
import { seedDatabase, type SeedConfig } from './seed.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();
const config: SeedConfig = {
  admin: {
    email: 'seed-admin@example.test',
    username: 'seed_admin',
    password: 'admin password 9',
    generateWhenMissing: false,
  },
  demoAccounts: true,
};

const tables = () => ENTITIES.map((entity) => db.orm.getMetadata().get(entity.meta.className).tableName);

/** A fingerprint of every row of every table: equal fingerprints mean nothing changed at all. */
async function fingerprint(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables()) {
    const [row] = await db
      .em()
      .execute<{ rows: string; digest: string }[]>(
        `select count(*)::text as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${table}" t`,
      );
    result[table] = `${row?.rows}:${row?.digest}`;
  }
  return result;
}

const count = async (sql: string) => Number((await db.em().execute<{ n: string }[]>(sql))[0]?.n);

describe('seedDatabase', () => {
  it('fills an empty database with the whole content, and seeding again changes nothing', async () => {
    const lines: string[] = [];
    await seedDatabase(db.em(), config, new Date('2026-11-26T12:00:00Z'), (line) => lines.push(line));
    const first = await fingerprint();
    await seedDatabase(db.em(), config, new Date('2026-11-27T12:00:00Z'), (line) => lines.push(line));
    expect(await fingerprint()).toEqual(first);

    expect(await count('select count(*) as n from languages')).toBe(10);
    expect(await count('select count(*) as n from exercise_types')).toBe(7);
    expect(
      await count(
        'select count(distinct t.code) as n from exercises e join exercise_types t on t.id = e.exercise_type_id',
      ),
    ).toBe(7);
    expect(await count('select count(*) as n from sections')).toBeGreaterThanOrEqual(2);
    expect(await count('select count(*) as n from units')).toBeGreaterThanOrEqual(4);
    expect(await count('select count(*) as n from lessons')).toBeGreaterThanOrEqual(12);
    expect(await count('select count(*) as n from lesson_prerequisites')).toBeGreaterThan(0);
    expect(
      await count(`select count(*) as n from audio_files where quality in ('low', 'medium', 'high')`),
    ).toBeGreaterThan(0);
    expect(await count('select count(*) as n from questions')).toBeGreaterThanOrEqual(200);
    for (const exam of ['security', 'network', 'a1101', 'a1102']) {
      expect(await count(`select count(*) as n from questions where exam_type = '${exam}'`)).toBeGreaterThan(
        0,
      );
    }
    expect(await count('select count(*) as n from achievements')).toBe(37);
    expect(await count('select count(*) as n from avatars')).toBe(18);
    expect(await count(`select count(*) as n from badges where is_tag_badge`)).toBe(3);
    expect(await count(`select count(*) as n from badges where criteria_type is not null`)).toBe(3);
  });

  it('gives the demo learner two weeks of history whose XP equals the ledger', async () => {
    const [learner] = await db
      .em()
      .execute<{ id: string; xp: number; level: number; ledger: string; days: string }[]>(
        `select u.id, p.xp, p.level,
              (select coalesce(sum(amount), 0) from xp_events where user_id = u.id) as ledger,
              (select count(distinct local_date) from xp_events where user_id = u.id) as days
         from users u join user_profiles p on p.user_id = u.id where u.email = ?`,
        [DEMO_LEARNER.email],
      );
    expect(learner).toBeDefined();
    expect(learner?.xp).toBe(Number(learner?.ledger));
    expect(Number(learner?.days)).toBe(14);
    expect(learner?.xp).toBeGreaterThan(0);
    const userId = Number(learner?.id);
    expect(
      await count(
        `select count(*) as n from user_lesson_progress where user_id = ${userId} and status = 'completed'`,
      ),
    ).toBe(12);
    expect(await count(`select count(*) as n from quiz_attempts where user_id = ${userId}`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(`select count(*) as n from habit_completions where user_id = ${userId}`),
    ).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from user_streak_days where user_id = ${userId}`)).toBe(14);
    expect(
      await count(`select count(*) as n from user_achievements where user_id = ${userId}`),
    ).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from user_badges where user_id = ${userId}`)).toBeGreaterThan(0);
    // Every day's row agrees with the ledger for that day.
    expect(
      await count(`select count(*) as n from user_daily_xp d where d.user_id = ${userId}
        and d.xp <> (select sum(amount) from xp_events e where e.user_id = d.user_id and e.local_date = d.local_date)`),
    ).toBe(0);
  });

  it('seeds standings exactly as the ledger and the quiz attempts define them', async () => {
    const [admin] = await db
      .em()
      .execute<{ id: string }[]>('select id from users where email = ?', [config.admin.email]);
    const recomputed = await recomputeStandings(db.em(), { adminId: Number(admin?.id), now: new Date() });
    expect(recomputed).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(recomputed.standings).toBeGreaterThan(0);
  });
});
