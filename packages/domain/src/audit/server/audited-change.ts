import type { EntityManager } from '@mikro-orm/postgresql';
import { mapViolation, type ViolationMap } from '../../shared/server/database-violation.ts';
import { recordAdminAction, type AdminAction, type AdminActor } from './record-admin-action.ts';

export interface AuditedOutcome<T> {
  readonly result: T;
  /** The audit row to write; null when the call changed nothing. */
  readonly audit: AdminAction | null;
}

/**
 * Runs an admin mutation and its audit row in one transaction. Deferred constraints are checked
 * before COMMIT, so a failing one (a position clash, "exactly one correct option") surfaces like
 * any statement; the violations the caller expects become its DomainErrors, nothing is written.
 */
export async function auditedChange<T>(
  em: EntityManager,
  actor: AdminActor,
  work: (tx: EntityManager) => Promise<AuditedOutcome<T>>,
  violations: ViolationMap = {},
): Promise<T> {
  try {
    return await em.transactional(async (tx) => {
      const { result, audit } = await work(tx);
      if (audit) await recordAdminAction(tx, actor, audit);
      await tx.execute('set constraints all immediate');
      return result;
    });
  } catch (error) {
    throw mapViolation(error, violations) ?? error;
  }
}

const withoutTimestamps = (snapshot: object) =>
  JSON.stringify({ ...snapshot, updatedAt: undefined, createdAt: undefined });

/** The audit row of an update, or null when the snapshots agree (nothing changed, nothing audited). */
export function updateAudit(
  action: string,
  entityType: string,
  entityId: number,
  before: object,
  after: object,
): AdminAction | null {
  if (withoutTimestamps(before) === withoutTimestamps(after)) return null;
  return { action, entityType, entityId, before, after };
}
