import { router } from '../trpc.ts';
import { adminAuditRouter } from './admin/audit.ts';
import { adminMaintenanceRouter } from './admin/maintenance.ts';
import { adminUsersRouter } from './admin/users.ts';

// Every procedure below is an adminProcedure: the role is checked by the server on each call.
export const adminRouter = router({
  users: adminUsersRouter,
  maintenance: adminMaintenanceRouter,
  audit: adminAuditRouter,
});
