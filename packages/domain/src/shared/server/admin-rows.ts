import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlValue } from '../../database/server/upsert.ts';

// Small SQL helpers the admin services (catalog, game content) share. Table and column names come from the
// services' own constants, never from input; values are always bound.

type Values = Readonly<Record<string, SqlValue | undefined>>;

function placeholder(value: SqlValue): { sql: string; binding: unknown } {
  if (value !== null && typeof value === 'object' && 'json' in value)
    return { sql: '?::jsonb', binding: JSON.stringify(value.json) };
  if (value !== null && typeof value === 'object' && 'textArray' in value)
    return {
      sql: 'array(select jsonb_array_elements_text(?::jsonb))',
      binding: JSON.stringify(value.textArray),
    };
  return { sql: '?', binding: value };
}

const defined = (values: Values) =>
  Object.entries(values).filter((entry): entry is [string, SqlValue] => entry[1] !== undefined);

/** Inserts one row and returns its id. */
export async function insertRow(em: EntityManager, table: string, values: Values): Promise<number> {
  const entries = defined(values);
  const parts = entries.map(([, value]) => placeholder(value));
  const [row] = await em.execute<{ id: string }[]>(
    `insert into ${table} (${entries.map(([column]) => `"${column}"`).join(', ')})
     values (${parts.map((part) => part.sql).join(', ')}) returning id`,
    parts.map((part) => part.binding),
  );
  return Number(row?.id);
}

/**
 * Sets the given columns of one row (undefined ones are left alone), only when something differs,
 * so an edit that changes nothing does not even touch `updated_at`.
 */
export async function patchRow(em: EntityManager, table: string, id: number, patch: Values): Promise<void> {
  const entries = defined(patch);
  if (!entries.length) return;
  const parts = entries.map(([, value]) => placeholder(value));
  const columns = entries.map(([column]) => `"${column}"`);
  await em.execute(
    `update ${table} set ${columns.map((column, i) => `${column} = ${parts[i]?.sql}`).join(', ')}
      where id = ? and (${columns.join(', ')}) is distinct from (${parts.map((p) => p.sql).join(', ')})`,
    [...parts.map((p) => p.binding), id, ...parts.map((p) => p.binding)],
  );
}
