import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inRolledBackTransaction, useFixtureClient } from './schema-fixture.ts';
import type { TestDatabase } from './test-database.ts';

// Table-driven schema tests: each case runs on the shared fixture inside a transaction that is
// rolled back, and must see PostgreSQL itself refuse (or accept) the write.

/** What must refuse a write: a named constraint (or unique index), or a trigger's exception. */
export interface Refusal {
  readonly name: string;
  readonly sqlState: string;
  /** Only for triggers: the raised message. Constraints are matched on `error.constraint`. */
  readonly message?: RegExp;
}

export const check = (name: string): Refusal => ({ name, sqlState: '23514' });
export const unique = (name: string): Refusal => ({ name, sqlState: '23505' });
export const foreignKey = (name: string): Refusal => ({ name, sqlState: '23503' });
export const trigger = (name: string, sqlState: string, message: RegExp): Refusal => ({
  name,
  sqlState,
  message,
});

export interface RefusedCase {
  readonly refusedBy: Refusal;
  readonly title: string;
  /** Statements that must succeed first. */
  readonly arrange?: readonly string[];
  /** The statement that must be refused (or, when `atCommit`, accepted until the check runs). */
  readonly sql: string;
  /** A deferred check: `sql` passes, then `SET CONSTRAINTS ALL IMMEDIATE` (what COMMIT runs) refuses. */
  readonly atCommit?: boolean;
}

export interface AcceptedCase {
  readonly title: string;
  /** Statements that must all pass, deferred checks included (`SET CONSTRAINTS ALL IMMEDIATE` follows). */
  readonly sql: readonly string[];
}

export interface ConstraintSuite {
  /** The tables whose constraints this suite covers: every one of them must be refused by a case. */
  readonly tables: readonly string[];
  readonly refused: readonly RefusedCase[];
  readonly accepted: readonly AcceptedCase[];
}

/**
 * The tables each constraints.<suite>.integration.test.ts covers; together every table of the
 * schema (cascades.integration.test.ts checks that none is left out).
 */
export const SUITE_TABLES = {
  identity: [
    'users',
    'sessions',
    'oauth_accounts',
    'email_verification_tokens',
    'email_outbox',
    'sign_in_failures',
  ],
  catalog: [
    'languages',
    'courses',
    'sections',
    'units',
    'lessons',
    'lesson_prerequisites',
    'exercise_types',
    'exercises',
    'exercise_options',
    'lesson_exercises',
    'audio_files',
  ],
  'learning-quiz': [
    'user_courses',
    'user_lesson_progress',
    'user_exercise_interactions',
    'questions',
    'quiz_attempts',
    'user_answers',
  ],
  'game-progress': ['user_profiles', 'xp_events', 'user_streak_days', 'user_daily_xp', 'user_hearts_log'],
  'game-rewards': ['achievements', 'user_achievements', 'avatars', 'user_avatars', 'badges', 'user_badges'],
  'habits-social': [
    'habits',
    'habit_completions',
    'habit_streaks',
    'posts',
    'reactions',
    'user_highlights',
    'user_stats_cache',
    'user_activity_logs',
    'system_audit_logs',
  ],
  engine: ['lesson_sessions', 'leaderboard_standings', 'idempotency_records'],
} as const satisfies Record<string, readonly string[]>;

// Triggers that refuse nothing; cascades.integration.test.ts checks what they do (and
// social/server/highlights.integration.test.ts the renumbering of highlight positions).
const BEHAVIOUR_TRIGGERS = /_touch_updated_at$|^user_avatars_clear_selection$|^user_highlights_renumber$/;

/** Every constraint PostgreSQL enforces on the tables, with whether a case must cover it. */
const ENFORCED_SQL = `
  select c.conname as name, c.contype <> 'f' as required
    from pg_constraint c
   where c.conrelid = any($1::text[]::regclass[])
     and c.contype in ('c', 'u', 'p', 'x', 'f')
     -- a surrogate bigserial key is never written by hand
     and not coalesce(c.contype = 'p' and c.conkey = (select array[a.attnum] from pg_attribute a
                                                        where a.attrelid = c.conrelid and a.attname = 'id'), false)
  union all
  select i.indexrelid::regclass::text, true
    from pg_index i
   where i.indrelid = any($1::text[]::regclass[]) and i.indisunique
     and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
  union all
  select t.tgname, true
    from pg_trigger t
   where t.tgrelid = any($1::text[]::regclass[]) and not t.tgisinternal`;

type SqlValue = string | number | boolean | null | { readonly sql: string };

/** Raw SQL in a row, e.g. `now()`. */
export const sql = (text: string): SqlValue => ({ sql: text });

function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.sql;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

export type Row = Readonly<Record<string, SqlValue>>;

export function insert(table: string, row: Row): string {
  const columns = Object.keys(row);
  return `insert into ${table} (${columns.join(', ')}) values (${Object.values(row).map(literal).join(', ')})`;
}

export function update(table: string, where: Row, changes: Row): string {
  const pairs = (row: Row, separator: string) =>
    Object.entries(row)
      .map(([column, value]) => `${column} = ${literal(value)}`)
      .join(separator);
  return `update ${table} set ${pairs(changes, ', ')} where ${pairs(where, ' and ')}`;
}

/** What a query threw, or undefined when it succeeded. */
export function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function refusalOf(client: pg.Client, testCase: RefusedCase): Promise<unknown> {
  return inRolledBackTransaction(client, async () => {
    for (const statement of testCase.arrange ?? []) await client.query(statement);
    try {
      await client.query(testCase.sql);
    } catch (error) {
      if (testCase.atCommit) throw new Error('a deferred check refused before commit', { cause: error });
      return error;
    }
    if (!testCase.atCommit) return undefined;
    return errorOf(client.query('set constraints all immediate'));
  });
}

export function expectRefusal(error: unknown, refusal: Refusal): void {
  if (error === undefined) throw new Error(`PostgreSQL accepted a write that ${refusal.name} must refuse`);
  if (!(error instanceof pg.DatabaseError)) throw error;
  if (refusal.message) {
    expect({ code: error.code, message: error.message }).toEqual({
      code: refusal.sqlState,
      message: expect.stringMatching(refusal.message),
    });
  } else {
    expect({ code: error.code, constraint: error.constraint }).toEqual({
      code: refusal.sqlState,
      constraint: refusal.name,
    });
    expect(error.message).toContain(`"${refusal.name}"`);
  }
}

/** The cases of one suite, and a check that they cover every constraint of its tables. */
/** Returns the fixture client, for a file's extra tests. */
export function describeConstraints(db: TestDatabase, suite: ConstraintSuite): () => pg.Client {
  const client = useFixtureClient(db);

  describe('refuses', () => {
    for (const testCase of suite.refused) {
      it(`${testCase.refusedBy.name}: ${testCase.title}`, async () => {
        expectRefusal(await refusalOf(client(), testCase), testCase.refusedBy);
      });
    }
  });

  describe('accepts', () => {
    for (const testCase of suite.accepted) {
      it(testCase.title, async () => {
        await inRolledBackTransaction(client(), async () => {
          for (const statement of testCase.sql) await client().query(statement);
          await client().query('set constraints all immediate');
        });
      });
    }
  });

  it(`has a refusing case for every constraint, unique index and trigger of ${suite.tables.join(', ')}`, async () => {
    const { rows } = await client().query<{ name: string; required: boolean }>(ENFORCED_SQL, [suite.tables]);
    const enforced = rows.filter((row) => !BEHAVIOUR_TRIGGERS.test(row.name));
    const covered = new Set(suite.refused.map((testCase) => testCase.refusedBy.name));
    const existing = new Set(enforced.map((row) => row.name));

    expect(enforced.filter((row) => row.required && !covered.has(row.name)).map((row) => row.name)).toEqual(
      [],
    );
    expect([...covered].filter((name) => !existing.has(name))).toEqual([]);
  });

  return client;
}
