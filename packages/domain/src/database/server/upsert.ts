import type { EntityManager } from '@mikro-orm/postgresql';

/** A value for `upsertRow`: a scalar, or JSON / a text array that needs a cast. */
export type SqlValue =
  | string
  | number
  | boolean
  | Date
  | null
  | { readonly json: unknown }
  | { readonly textArray: readonly string[] };

export interface UpsertSpec {
  readonly table: string;
  /** The columns of the unique key the row is matched on. */
  readonly key: readonly string[];
  readonly values: Readonly<Record<string, SqlValue>>;
  /** The table has an `id` column to return (not so for composite-key link tables). */
  readonly returnsId?: boolean;
  /** The key is a deferrable constraint, which ON CONFLICT cannot use: update, else insert. */
  readonly deferrableKey?: boolean;
}

function placeholder(value: SqlValue): { sql: string; binding: unknown } {
  if (value !== null && typeof value === 'object' && 'json' in value) {
    return { sql: '?::jsonb', binding: JSON.stringify(value.json) };
  }
  if (value !== null && typeof value === 'object' && 'textArray' in value) {
    return {
      sql: 'array(select jsonb_array_elements_text(?::jsonb))',
      binding: JSON.stringify(value.textArray),
    };
  }
  return { sql: '?', binding: value };
}

/**
 * Inserts the row, or updates it in place when its key exists and something differs; returns its
 * id. Unchanged rows are not written at all, so seeding twice changes nothing (not even updated_at).
 */
export async function upsertRow(em: EntityManager, spec: UpsertSpec): Promise<number> {
  if (spec.deferrableKey) return updateElseInsert(em, spec);
  const columns = Object.keys(spec.values);
  const parts = columns.map((column) => placeholder(spec.values[column] ?? null));
  const updatable = columns.filter((column) => !spec.key.includes(column));
  const quoted = (column: string) => `"${column}"`;
  const onConflict = updatable.length
    ? `do update set ${updatable.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ')}
       where (${updatable.map((c) => `t.${quoted(c)}`).join(', ')}) is distinct from (${updatable.map((c) => `excluded.${quoted(c)}`).join(', ')})`
    : 'do nothing';
  const inserted = await em.execute<{ id: string | number }[]>(
    `insert into ${quoted(spec.table)} as t (${columns.map(quoted).join(', ')})
     values (${parts.map((part) => part.sql).join(', ')})
     on conflict (${spec.key.map(quoted).join(', ')}) ${onConflict}
     ${spec.returnsId === false ? '' : 'returning id'}`,
    parts.map((part) => part.binding),
  );
  if (spec.returnsId === false) return 0;
  const row = inserted[0];
  if (row) return Number(row.id);
  const existing = await em.execute<{ id: string | number }[]>(
    `select id from ${quoted(spec.table)} where ${spec.key.map((c) => `${quoted(c)} = ${placeholder(spec.values[c] ?? null).sql}`).join(' and ')}`,
    spec.key.map((c) => placeholder(spec.values[c] ?? null).binding),
  );
  if (!existing[0]) throw new Error(`upsert into ${spec.table} found no row for its key`);
  return Number(existing[0].id);
}

const quote = (column: string) => `"${column}"`;

function keyCondition(spec: UpsertSpec): { sql: string; bindings: unknown[] } {
  const parts = spec.key.map((column) => placeholder(spec.values[column] ?? null));
  return {
    sql: spec.key.map((column, index) => `${quote(column)} = ${parts[index]?.sql}`).join(' and '),
    bindings: parts.map((part) => part.binding),
  };
}

// Single-writer seeding only: without ON CONFLICT two concurrent writers could both insert, and
// the unique key would then refuse the second.
async function updateElseInsert(em: EntityManager, spec: UpsertSpec): Promise<number> {
  const columns = Object.keys(spec.values);
  const updatable = columns.filter((column) => !spec.key.includes(column));
  const where = keyCondition(spec);
  const existing = await em.execute<{ id: string | number }[]>(
    `select id from ${quote(spec.table)} where ${where.sql}`,
    where.bindings,
  );
  const found = existing[0];
  if (found) {
    const sets = updatable.map((column) => placeholder(spec.values[column] ?? null));
    await em.execute(
      `update ${quote(spec.table)} set ${updatable.map((c, i) => `${quote(c)} = ${sets[i]?.sql}`).join(', ')}
        where id = ? and (${updatable.map(quote).join(', ')}) is distinct from (${sets.map((p) => p.sql).join(', ')})`,
      [...sets.map((p) => p.binding), found.id, ...sets.map((p) => p.binding)],
    );
    return Number(found.id);
  }
  const parts = columns.map((column) => placeholder(spec.values[column] ?? null));
  const inserted = await em.execute<{ id: string | number }[]>(
    `insert into ${quote(spec.table)} (${columns.map(quote).join(', ')}) values (${parts.map((p) => p.sql).join(', ')}) returning id`,
    parts.map((p) => p.binding),
  );
  return Number(inserted[0]?.id);
}
