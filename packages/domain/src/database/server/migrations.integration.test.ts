import { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, inject, it } from 'vitest';
import { migrateToLatest, schemaDrift } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { createOrmConfig } from './orm-config.ts';
import { withScratchDatabase } from './scratch-database.ts';

describe('migrations', () => {
  it('build the schema the entities describe from an empty database, roll back one step and forward again', async () => {
    await withScratchDatabase(inject('databaseServerUrl'), async (url) => {
      const orm = await MikroORM.init(createOrmConfig(url, { poolMax: 2 }));
      try {
        expect(await migrateToLatest(orm)).toEqual(MIGRATIONS.map((migration) => migration.name));
        expect(await schemaDrift(orm)).toBe('');

        const rolledBack = await orm.getMigrator().down();
        expect(rolledBack).toHaveLength(1);
        expect(await migrateToLatest(orm)).toEqual([rolledBack[0]?.name]);
        expect(await schemaDrift(orm)).toBe('');
        expect(await migrateToLatest(orm)).toEqual([]);
      } finally {
        await orm.close(true);
      }
    });
  });
});
