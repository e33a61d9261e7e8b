// The admin audit log viewer: filters, keyset pages newest first, each entry with its diff.
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';
import { fieldChangeSchema } from './audit-diff.ts';

export const AUDIT_LOG_PAGE_MAX = 100;

const label = z.string().trim().min(1).max(64).refine(withoutNul, NUL_MESSAGE);

export const listAuditLogInputSchema = z
  .object({
    actorId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    /** Exact action, e.g. `badge.grant`. */
    action: label.optional(),
    entityType: label.optional(),
    /** Needs entityType: ids are only unique within a type. */
    entityId: z.union([label, z.number().int().nonnegative()]).transform(String).optional(),
    /** Inclusive. */
    from: z.date().optional(),
    /** Exclusive. */
    to: z.date().optional(),
    limit: z.number().int().min(1).max(AUDIT_LOG_PAGE_MAX).default(50),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .refine((input) => input.entityId === undefined || input.entityType !== undefined, {
    message: 'Filter by entity type too',
    path: ['entityType'],
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: 'The range must end after it starts',
    path: ['to'],
  });
export type ListAuditLogInput = z.input<typeof listAuditLogInputSchema>;

const stateSchema = z.record(z.string(), z.unknown()).nullable();

export const auditLogEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.date(),
  /** Null once the admin's account is gone: the trail outlives it. */
  actor: z.object({ id: z.number().int(), username: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: stateSchema,
  after: stateSchema,
  /** Field by field, computed from before and after. */
  changes: z.array(fieldChangeSchema),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z.object({
  items: z.array(auditLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
