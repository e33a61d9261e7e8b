import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { decodeCursor, encodeCursor, exactInstant, keysetSchema } from '../../social/server/keyset-cursor.ts';
import { diffAuditStates } from '../universal/audit-diff.ts';
import {
  listAuditLogInputSchema,
  type AuditLogEntry,
  type AuditLogPage,
  type ListAuditLogInput,
} from '../universal/audit-log.ts';

interface AuditRow {
  id: string | number;
  occurred_at: Date;
  occurred_at_exact: string;
  actor_id: string | number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  ip: string | null;
}

const toEntry = (row: AuditRow): AuditLogEntry => ({
  id: Number(row.id),
  occurredAt: new Date(row.occurred_at),
  actor: row.actor_id === null ? null : { id: Number(row.actor_id), username: row.actor_username ?? '' },
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before,
  after: row.after,
  changes: diffAuditStates(row.before, row.after),
  reason: row.reason,
  ip: row.ip,
});

/** The system audit log newest first, filtered, one keyset page (occurred_at, id) at a time. */
export async function listAuditLog(em: EntityManager, rawInput: ListAuditLogInput): Promise<AuditLogPage> {
  const input = parseInput(listAuditLogInputSchema, rawInput);
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (input.actorId !== undefined) filter('l.actor_id = ?', input.actorId);
  if (input.action !== undefined) filter('l.action = ?', input.action);
  if (input.entityType !== undefined) filter('l.entity_type = ?', input.entityType);
  if (input.entityId !== undefined) filter('l.entity_id = ?', input.entityId);
  if (input.from) filter('l.occurred_at >= ?', input.from);
  if (input.to) filter('l.occurred_at < ?', input.to);
  if (input.cursor) {
    const after = decodeCursor(input.cursor, keysetSchema);
    filter('(l.occurred_at, l.id) < (?::timestamptz, ?)', after.at, after.id);
  }
  const rows = await em.execute<AuditRow[]>(
    `select l.id, l.occurred_at, ${exactInstant('l.occurred_at')} as occurred_at_exact, l.actor_id,
            u.username as actor_username, l.action, l.entity_type, l.entity_id, l.before, l.after, l.reason, l.ip
       from system_audit_logs l left join users u on u.id = l.actor_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by l.occurred_at desc, l.id desc
      limit ?`,
    [...params, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ at: last.occurred_at_exact, id: Number(last.id) })
        : null,
  };
}
