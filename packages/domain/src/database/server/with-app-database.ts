import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { locateDatabase } from './database-location.ts';
import { createOrmConfig } from './orm-config.ts';

/**
 * Runs `work` against the platform's database — `DATABASE_URL`, or the embedded cluster started
 * for the occasion — for tools that act on it directly (`ql admin create`). A database with
 * pending migrations is refused: the tool would otherwise fail on a missing table or column.
 */
export async function withAppDatabase<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
  const database = await locateDatabase();
  try {
    const orm = await MikroORM.init(createOrmConfig(database.url, { poolMax: 2 }));
    try {
      const pending = await orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        throw new Error(
          `${database.description} has ${pending.length} pending migration(s): run pnpm db:migrate first`,
        );
      }
      return await work(orm.em.fork());
    } finally {
      await orm.close(true);
    }
  } finally {
    await database.stop();
  }
}
