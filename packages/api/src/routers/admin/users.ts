import { refillHearts, refillHeartsInputSchema } from '@questline/domain/game/server/hearts';
import { setUserActive, setUserRole } from '@questline/domain/identity/server/admin-user-access';
import { getUserDetail } from '@questline/domain/identity/server/admin-user-detail';
import { exportUserData } from '@questline/domain/identity/server/export-user-data';
import { listUsers } from '@questline/domain/identity/server/list-users';
import {
  adminUserDetailSchema,
  setActiveInputSchema,
  setRoleInputSchema,
  userAccessChangeSchema,
  userIdInputSchema,
} from '@questline/domain/identity/universal/admin-users';
import { userDataExportSchema } from '@questline/domain/identity/universal/user-data-export';
import {
  listUsersInputSchema,
  userListPageSchema,
} from '@questline/domain/identity/universal/user-directory';
import { heartsViewSchema } from '@questline/domain/learning/universal/lesson-views';
import { adminProcedure, router } from '../../trpc.ts';
import { actorOf } from './actor.ts';

export const adminUsersRouter = router({
  list: adminProcedure
    .input(listUsersInputSchema)
    .output(userListPageSchema)
    .query(({ ctx, input }) => listUsers(ctx.em, input)),

  get: adminProcedure
    .input(userIdInputSchema)
    .output(adminUserDetailSchema)
    .query(({ ctx, input }) => getUserDetail(ctx.em, input.userId, ctx.now())),

  setRole: adminProcedure
    .input(setRoleInputSchema)
    .output(userAccessChangeSchema)
    .mutation(({ ctx, input }) => setUserRole(ctx.em, actorOf(ctx), input)),

  /** Deactivating ends the user's sessions at once. */
  setActive: adminProcedure
    .input(setActiveInputSchema)
    .output(userAccessChangeSchema)
    .mutation(({ ctx, input }) => setUserActive(ctx.em, actorOf(ctx), input)),

  refillHearts: adminProcedure
    .input(refillHeartsInputSchema)
    .output(heartsViewSchema)
    .mutation(({ ctx, input }) => refillHearts(ctx.em, { ...actorOf(ctx), ...input })),

  /** Everything held about the user, as one JSON document (no password hash, no session tokens). */
  exportData: adminProcedure
    .input(userIdInputSchema)
    .output(userDataExportSchema)
    .query(({ ctx, input }) => exportUserData(ctx.em, input.userId, ctx.now())),
});
