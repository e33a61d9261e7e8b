import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from '../../identity/server/user.entity.ts';

// Every admin mutation, written in the same transaction, with the state before and after.
export const SystemAuditLog = defineEntity({
  name: 'SystemAuditLog',
  tableName: 'system_audit_logs',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    // SET NULL: the trail outlives the admin's account.
    actor: p.manyToOne(User).nullable().deleteRule('set null').index('system_audit_logs_actor_id_index'),
    action: p.string().length(64),
    entityType: p.string().length(64),
    entityId: p.string().length(64).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    reason: p.text().nullable(),
    ip: p.string().length(64).nullable(),
    occurredAt: p.datetime().defaultRaw('now()').index('system_audit_logs_occurred_at_index'),
  }),
  indexes: [{ properties: ['entityType', 'entityId'], name: 'system_audit_logs_entity_index' }],
});
export type SystemAuditLog = InferEntity<typeof SystemAuditLog>;
