import {
  accountSchema,
  signInInputSchema,
  signUpInputSchema,
} from '@questline/domain/identity/universal/account';
import {
  emailVerifiedSchema,
  verificationSentSchema,
  verifyEmailInputSchema,
} from '@questline/domain/identity/universal/email-verification';
import {
  changePasswordInputSchema,
  passwordChangedSchema,
} from '@questline/domain/identity/universal/password-change';
import {
  revokeSessionInputSchema,
  sessionsRevokedSchema,
  sessionViewSchema,
} from '@questline/domain/identity/universal/sessions';
import { changePassword } from '@questline/domain/identity/server/change-password';
import {
  resendVerification,
  verifyEmail,
  type QueuedEmail,
} from '@questline/domain/identity/server/email-verification';
import { getAccount } from '@questline/domain/identity/server/get-account';
import { listLinkedAccounts, unlinkOAuthAccount } from '@questline/domain/identity/server/oauth-accounts';
import {
  linkedAccountSchema,
  oauthProviderSummarySchema,
  unlinkOAuthInputSchema,
} from '@questline/domain/identity/universal/oauth';
import {
  listSessions,
  revokeOwnSession,
  revokeUserSessions,
} from '@questline/domain/identity/server/manage-sessions';
import { revokeSession } from '@questline/domain/identity/server/sessions';
import { signIn } from '@questline/domain/identity/server/sign-in';
import { signUp } from '@questline/domain/identity/server/sign-up';
import { z } from 'zod';
import type { AuthSettings } from '../auth-settings.ts';
import type { Context } from '../context.ts';
import { clientAddressKey } from '../rate-limit/client-key.ts';
import { enforceRateLimit, type RateRule } from '../rate-limit/rate-limiter.ts';
import { protectedProcedure, publicProcedure, router } from '../trpc.ts';

/** A procedure that counts every call per client address (before its input is even read). */
const limitedPerClient = (bucket: string, ruleOf: (settings: AuthSettings) => RateRule) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const key = `${bucket}:${clientAddressKey(ctx.meta.ip)}`;
    await enforceRateLimit(ctx.rateLimiter, key, ruleOf(ctx.auth), ctx.now());
    return next();
  });

// Without a mail sender in development, the link is printed so the flow can be followed by hand.
function logEmailLink(ctx: Context, email: QueuedEmail): void {
  if (ctx.auth.logEmailLinks) console.log(`[auth] "${email.subject}" for ${email.recipient}: ${email.link}`);
}

export const authRouter = router({
  signUp: limitedPerClient('sign-up', (settings) => settings.signUpRate)
    .input(signUpInputSchema)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      const { account, session, verificationEmail } = await signUp(ctx.em, input, ctx.meta, ctx.now(), {
        publicUrl: ctx.auth.publicUrl,
      });
      ctx.sessionCookie.set(session.token, session.expiresAt);
      logEmailLink(ctx, verificationEmail);
      return account;
    }),

  signIn: limitedPerClient('sign-in', (settings) => settings.signInRate)
    .input(signInInputSchema)
    .output(accountSchema)
    .mutation(async ({ ctx, input }) => {
      const { account, session } = await signIn(ctx.em, input, ctx.meta, ctx.now(), {
        previousToken: ctx.sessionToken ?? undefined,
        failureWindow: ctx.auth.signInFailures,
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

  /** Sets a new password once the current one is confirmed; the user's other sessions end. */
  changePassword: protectedProcedure
    .input(changePasswordInputSchema)
    .output(passwordChangedSchema)
    .mutation(({ ctx, input }) =>
      changePassword(ctx.em, ctx.user, input, ctx.now(), ctx.auth.signInFailures),
    ),

  /** The link from the verification email; it needs no session (it may open in another browser). */
  verifyEmail: publicProcedure
    .input(verifyEmailInputSchema)
    .output(emailVerifiedSchema)
    .mutation(({ ctx, input }) => verifyEmail(ctx.em, input.token, ctx.now())),

  resendVerification: protectedProcedure.output(verificationSentSchema).mutation(async ({ ctx }) => {
    const email = await resendVerification(ctx.em, ctx.user.id, ctx.now(), ctx.auth.publicUrl);
    logEmailLink(ctx, email);
    return { sent: true as const };
  }),

  sessions: protectedProcedure
    .output(z.array(sessionViewSchema))
    .query(({ ctx }) => listSessions(ctx.em, ctx.user.id, ctx.user.sessionId, ctx.now())),

  /** Ends one of the user's own sessions (signing out there); ending the current one clears the cookie. */
  revokeSession: protectedProcedure
    .input(revokeSessionInputSchema)
    .output(sessionsRevokedSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await revokeOwnSession(ctx.em, ctx.user.id, input.sessionId);
      if (input.sessionId === ctx.user.sessionId) ctx.sessionCookie.clear();
      return result;
    }),

  /** Ends every session of the user, this one included. */
  signOutEverywhere: protectedProcedure.output(sessionsRevokedSchema).mutation(async ({ ctx }) => {
    const result = await revokeUserSessions(ctx.em, ctx.user.id);
    ctx.sessionCookie.clear();
    return result;
  }),

  /** The configured OAuth/OIDC providers, for the sign-in page (`/auth/oauth/<id>/start`). */
  oauthProviders: publicProcedure
    .output(z.array(oauthProviderSummarySchema))
    .query(({ ctx }) => [...ctx.oauthProviders]),

  /** The signed-in user's own provider links. */
  linkedAccounts: protectedProcedure
    .output(z.array(linkedAccountSchema))
    .query(({ ctx }) => listLinkedAccounts(ctx.em, ctx.user.id)),

  /** Removes one of the user's own links; the last way to sign in of an account without a password stays. */
  unlinkOAuth: protectedProcedure
    .input(unlinkOAuthInputSchema)
    .output(z.array(linkedAccountSchema))
    .mutation(({ ctx, input }) => unlinkOAuthAccount(ctx.em, ctx.user.id, input.provider)),
});
