import { router } from '../trpc.ts';
import { adminAchievementsRouter } from './admin/achievements.ts';
import { adminAuditRouter } from './admin/audit.ts';
import { adminAvatarsRouter } from './admin/avatars.ts';
import { adminBadgesRouter } from './admin/badges.ts';
import { adminCatalogRouter } from './admin/catalog.ts';
import { adminMaintenanceRouter } from './admin/maintenance.ts';
import { adminQuestionsRouter } from './admin/questions.ts';
import { adminUsersRouter } from './admin/users.ts';

// Every procedure below is an adminProcedure: the role is checked by the server on each call.
export const adminRouter = router({
  users: adminUsersRouter,
  catalog: adminCatalogRouter,
  questions: adminQuestionsRouter,
  maintenance: adminMaintenanceRouter,
  audit: adminAuditRouter,
  achievements: adminAchievementsRouter,
  badges: adminBadgesRouter,
  avatars: adminAvatarsRouter,
});
