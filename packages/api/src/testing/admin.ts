import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { expect } from 'vitest';
import { ZodError } from 'zod';
import { callerFor, signedUpLearner, trpcErrorOf, type Caller } from './callers.ts';

/** Asserts an admin procedure is refused to a learner (FORBIDDEN) and to an anonymous caller. */
export async function expectAdminOnly(
  db: TestDatabase,
  call: (caller: Caller) => Promise<unknown>,
): Promise<void> {
  const learner = await signedUpLearner(db);
  expect((await trpcErrorOf(call(learner.caller))).code).toBe('FORBIDDEN');
  expect((await trpcErrorOf(call(await callerFor(db)))).code).toBe('UNAUTHORIZED');
}

/** Asserts a BAD_REQUEST whose validation issue (or domain error) points at `path`. */
export async function expectBadInputAt(
  promise: Promise<unknown>,
  path: readonly (string | number)[],
  domainCode?: string,
): Promise<void> {
  const error = await trpcErrorOf(promise);
  expect(error.code).toBe('BAD_REQUEST');
  const cause = error.cause;
  if (cause instanceof ZodError) {
    expect(cause.issues.map((issue) => issue.path)).toContainEqual(path);
    expect(domainCode).toBeUndefined();
  } else {
    expect(cause).toBeInstanceOf(DomainError);
    expect((cause as DomainError).details.path).toEqual(path);
    if (domainCode) expect((cause as DomainError).code).toBe(domainCode);
  }
}

export interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** The audit rows written about one entity, oldest first. */
export function auditRowsOf(
  db: TestDatabase,
  entityType: string,
  entityId: string | number,
): Promise<AuditRow[]> {
  return db.em().execute<AuditRow[]>(
    `select actor_id, action, entity_type, entity_id, before, after, reason from system_audit_logs
        where entity_type = ? and entity_id = ? order by id`,
    [entityType, String(entityId)],
  );
}

/** How many audit rows exist: bad input must add none. */
export async function auditRowCount(db: TestDatabase): Promise<number> {
  const [row] = await db.em().execute<{ n: number }[]>('select count(*)::int as n from system_audit_logs');
  return row?.n ?? 0;
}
