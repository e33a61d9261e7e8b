import { initTRPC, TRPCError } from '@trpc/server';
import { publishProgress } from '@questline/domain/game/server/publish-progress';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { findNulPath } from '@questline/domain/shared/universal/text';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { serializeFast } from './wire/superjson-fast.ts';
import { describeError, toTRPCError } from './errors.ts';

/** Who may call a procedure: set once on each base procedure below, for docs/api.md. */
export type ProcedureAccess = 'public' | 'protected' | 'admin';

export interface ProcedureMeta {
  readonly access?: ProcedureAccess;
  /** One line for docs/api.md. */
  readonly description?: string;
  /** The procedure refuses U+0000 itself, more precisely (a CSV import reports it per row). */
  readonly reportsNulItself?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Clients speak superjson both ways; answers are written by a faster encoder of the same format.
    transformer: {
      input: superjson,
      output: { serialize: serializeFast, deserialize: superjson.deserialize },
    },
    // Never the development shape: it would put stack traces on the wire.
    isDev: false,
    errorFormatter: ({ shape, error, path, ctx }) => {
      const { message, data } = describeError(error, shape.data.httpStatus, path, ctx?.requestId ?? null);
      return { code: shape.code, message, data };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors carry their own kind; map them to transport codes here, once for every procedure.
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  // A schema a service parses itself fails like the procedure's own input: the caller's fault.
  if (cause instanceof ZodError && result.error.code === 'INTERNAL_SERVER_ERROR') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input', cause });
  }
  return result;
});

// PostgreSQL text cannot hold U+0000: refused here for every procedure, so no write fails on it.
const refuseNulCharacters = t.middleware(async ({ meta, getRawInput, next }) => {
  const path = meta?.reportsNulItself ? null : findNulPath(await getRawInput());
  if (path) {
    throw new DomainError('TEXT_HAS_NUL', 'BAD_INPUT', 'Text may not contain the NUL character', { path });
  }
  return next();
});

export const publicProcedure = t.procedure
  .meta({ access: 'public' })
  .use(mapDomainErrors)
  .use(refuseNulCharacters);

export const protectedProcedure = publicProcedure.meta({ access: 'protected' }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  return next({ ctx: { user: ctx.user } });
});

export const adminProcedure = protectedProcedure.meta({ access: 'admin' }).use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This needs an admin account' });
  return next({ ctx: { user: { ...ctx.user, role: 'admin' as const } } });
});

/**
 * A learner's mutation that can move their XP, streaks or quiz bests: once it has succeeded (its
 * transaction committed), their standings mirror and cached stats are refreshed.
 */
export const rewardingProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) await publishProgress(ctx.em, ctx.ports, ctx.user.id, ctx.now());
  return result;
});
