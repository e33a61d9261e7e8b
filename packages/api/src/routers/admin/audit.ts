import { listAuditLog } from '@questline/domain/audit/server/list-audit-log';
import { auditLogPageSchema, listAuditLogInputSchema } from '@questline/domain/audit/universal/audit-log';
import { adminProcedure, router } from '../../trpc.ts';

export const adminAuditRouter = router({
  list: adminProcedure
    .input(listAuditLogInputSchema)
    .output(auditLogPageSchema)
    .query(({ ctx, input }) => listAuditLog(ctx.em, input)),
});
