import {
  accountSchema,
  signInInputSchema,
  signUpInputSchema,
} from '@questline/domain/identity/universal/account';
import { getAccount } from '@questline/domain/identity/server/get-account';
import { revokeSession } from '@questline/domain/identity/server/sessions';
import { signIn } from '@questline/domain/identity/server/sign-in';
import { signUp } from '@questline/domain/identity/server/sign-up';
import { z } from 'zod';
import { publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  signUp: publicProcedure
    .input(signUpInputSchema)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      const { account, session } = await signUp(ctx.em, input, ctx.meta, ctx.now());
      ctx.sessionCookie.set(session.token, session.expiresAt);
      return account;
    }),

  signIn: publicProcedure
    .input(signInInputSchema)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      const { account, session } = await signIn(ctx.em, input, ctx.meta, ctx.now(), {
        previousToken: ctx.sessionToken ?? undefined,
      });
      ctx.sessionCookie.set(session.token, session.expiresAt);
      return account;
    }),

  signOut: publicProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await revokeSession(ctx.em, ctx.sessionToken);
    ctx.sessionCookie.clear();
    return { signedOut: true as const };
  }),

  /** The signed-in account, or null: lets an app decide between its sign-in and home screens. */
  me: publicProcedure
    .output(accountSchema.nullable())
    .query(({ ctx }) => (ctx.user ? getAccount(ctx.em, ctx.user.id) : null)),
});
