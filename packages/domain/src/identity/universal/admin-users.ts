// What the admin console reads and changes about one user: detail, role, activation.
import { z } from 'zod';
import { auditReasonSchema } from '../../audit/universal/audit-reason.ts';
import { userBadgeSchema } from '../../game/universal/badge-grants.ts';
import { heartsViewSchema } from '../../learning/universal/lesson-views.ts';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { ROLES } from './account.ts';
import { userListItemSchema } from './user-directory.ts';

export const userIdInputSchema = z.object({ userId: entityIdSchema });
export type UserIdInput = z.input<typeof userIdInputSchema>;

export const setRoleInputSchema = z.object({
  userId: entityIdSchema,
  role: z.enum(ROLES),
  reason: auditReasonSchema,
});
export type SetRoleInput = z.input<typeof setRoleInputSchema>;

export const setActiveInputSchema = z.object({
  userId: entityIdSchema,
  /** False deactivates: the user's sessions end at once and sign-in is refused. */
  active: z.boolean(),
  reason: auditReasonSchema,
});
export type SetActiveInput = z.input<typeof setActiveInputSchema>;

export const userAccessChangeSchema = z.object({
  /** False when the user already had that role or state: nothing written, nothing audited. */
  changed: z.boolean(),
  user: userListItemSchema,
  sessionsEnded: z.number().int(),
});
export type UserAccessChange = z.infer<typeof userAccessChangeSchema>;

export const adminUserDetailSchema = z.object({
  account: userListItemSchema.extend({
    tagline: z.string().nullable(),
    timezone: z.string(),
    dailyXpGoal: z.number().int(),
    updatedAt: z.date(),
  }),
  progress: z.object({
    xp: z.number().int(),
    level: z.number().int(),
    studyStreakCurrent: z.number().int(),
    studyStreakLongest: z.number().int(),
    streakFreezes: z.number().int(),
    lessonsCompleted: z.number().int(),
    quizzesTaken: z.number().int(),
    habitCompletions: z.number().int(),
    /** The learner's local day of their latest activity, `YYYY-MM-DD`. */
    lastActivityDate: z.string().nullable(),
    achievementsEarned: z.number().int(),
  }),
  /** As of now, regeneration included. */
  hearts: heartsViewSchema,
  sessions: z.object({ active: z.number().int(), lastSeenAt: z.date().nullable() }),
  badges: z.array(userBadgeSchema),
});
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;
