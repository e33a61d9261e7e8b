import { z } from 'zod';

/** One of the learner's signed-in devices, as the account page lists them (never the token). */
export const sessionViewSchema = z.object({
  id: z.number().int(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const revokeSessionInputSchema = z.object({ sessionId: z.number().int().positive() });
export type RevokeSessionInput = z.infer<typeof revokeSessionInputSchema>;

export const sessionsRevokedSchema = z.object({ revoked: z.number().int().nonnegative() });
export type SessionsRevoked = z.infer<typeof sessionsRevokedSchema>;
