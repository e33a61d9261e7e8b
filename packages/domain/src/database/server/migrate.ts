import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies pending migrations; returns the names applied (none when up to date). */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

/**
 * SQL that would bring the connected database in line with the entities: empty when the
 * migrations applied to it produce exactly the schema the entities describe.
 */
export async function schemaDrift(orm: MikroORM): Promise<string> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  return sql.trim();
}
