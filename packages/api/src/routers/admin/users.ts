import { listUsers } from '@questline/domain/identity/server/list-users';
import {
  listUsersInputSchema,
  userListPageSchema,
} from '@questline/domain/identity/universal/user-directory';
import { adminProcedure, router } from '../../trpc.ts';

export const adminUsersRouter = router({
  list: adminProcedure
    .input(listUsersInputSchema)
    .output(userListPageSchema)
    .query(({ ctx, input }) => listUsers(ctx.em, input)),
});
