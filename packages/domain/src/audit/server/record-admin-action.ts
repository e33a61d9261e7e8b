import type { EntityManager } from '@mikro-orm/postgresql';

/** Who performs an admin mutation: the admin's id, where from, and when. */
export interface AdminActor {
  readonly adminId: number;
  readonly now: Date;
  readonly ip?: string | null | undefined;
}

export interface AdminAction {
  /** `<entity>.<verb>`, e.g. `badge.grant`, `lesson.update`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | number | null;
  /** The entity's state before and after; null for a creation or a deletion. */
  readonly before: object | null;
  readonly after: object | null;
  readonly reason?: string | null | undefined;
}

/**
 * Writes the system audit row of an admin mutation. Call it inside the mutation's transaction
 * (`em` is the transaction's), so the change and its trail commit or roll back together.
 */
export async function recordAdminAction(
  em: EntityManager,
  actor: AdminActor,
  action: AdminAction,
): Promise<void> {
  await em.execute(
    `insert into system_audit_logs (actor_id, action, entity_type, entity_id, before, after, reason, ip, occurred_at)
     values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)`,
    [
      actor.adminId,
      action.action,
      action.entityType,
      action.entityId === null ? null : String(action.entityId),
      action.before && JSON.stringify(action.before),
      action.after && JSON.stringify(action.after),
      action.reason ?? null,
      actor.ip?.slice(0, 64) ?? null,
      actor.now,
    ],
  );
}
