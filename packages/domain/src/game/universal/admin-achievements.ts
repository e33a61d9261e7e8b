// The admin console's achievements: editing them, and dry-running or backfilling a rule.
import { z } from 'zod';
import { auditReasonSchema } from '../../audit/universal/audit-reason.ts';
import { requiredText } from '../../shared/universal/admin-fields.ts';
import { entityIdSchema } from '../../shared/universal/entity-id.ts';
import { artworkPathSchema } from './artwork.ts';
import { criteriaSchema } from './criteria.ts';

export const ACHIEVEMENT_CATEGORIES = [
  'getting_started',
  'accuracy',
  'question_milestones',
  'study_streaks',
  'a_plus_core_1',
  'a_plus_core_2',
  'network_plus',
  'security_plus',
  'levels',
  'learning',
] as const;

/** A stable code (`first_quiz`): the XP ledger keys achievement rewards by it, so it never changes. */
export const gameCodeSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

const achievementFields = {
  name: requiredText(100),
  description: requiredText(2000),
  category: z.enum(ACHIEVEMENT_CATEGORIES),
  iconUrl: artworkPathSchema.nullable(),
  criteria: criteriaSchema,
  xpReward: z.number().int().min(0).max(10_000),
  /** The avatar earning it unlocks, if any. */
  unlocksAvatarId: entityIdSchema.nullable(),
  displayOrder: z.number().int().min(0).max(100_000),
  /** Hidden achievements show nothing to a learner until earned. */
  isHidden: z.boolean(),
};

export const createAchievementInputSchema = z.object({
  code: gameCodeSchema(64),
  ...achievementFields,
  iconUrl: achievementFields.iconUrl.default(null),
  xpReward: achievementFields.xpReward.default(0),
  unlocksAvatarId: achievementFields.unlocksAvatarId.default(null),
  displayOrder: achievementFields.displayOrder.default(0),
  isHidden: achievementFields.isHidden.default(false),
});
export type CreateAchievementInput = z.input<typeof createAchievementInputSchema>;

/** Only the fields given change. A new rule applies from now on: awards already made stay. */
export const updateAchievementInputSchema = z
  .object({ id: entityIdSchema, ...achievementFields })
  .partial()
  .required({ id: true });
export type UpdateAchievementInput = z.input<typeof updateAchievementInputSchema>;

export const adminAchievementSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.enum(ACHIEVEMENT_CATEGORIES),
  iconUrl: z.string().nullable(),
  criteria: criteriaSchema,
  xpReward: z.number().int(),
  unlocksAvatar: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  displayOrder: z.number().int(),
  isHidden: z.boolean(),
  createdAt: z.date(),
  /** Learners who have earned it. */
  holders: z.number().int(),
});
export type AdminAchievement = z.infer<typeof adminAchievementSchema>;

/** A stored achievement's rule, or a draft rule not saved yet. */
export const achievementDryRunInputSchema = z
  .object({ id: entityIdSchema.optional(), criteria: criteriaSchema.optional() })
  .refine((input) => (input.id === undefined) !== (input.criteria === undefined), {
    message: 'Give either an achievement id or a draft rule',
    path: ['criteria'],
  });
export type AchievementDryRunInput = z.input<typeof achievementDryRunInputSchema>;

export const achievementDryRunSchema = z.object({
  /** Learners with a game profile. */
  learners: z.number().int(),
  /** Learners who meet the rule now. */
  qualifying: z.number().int(),
  /** Of those, learners who hold the achievement already. */
  alreadyHolding: z.number().int(),
  /** What a backfill would award now: "412 learners would unlock this". */
  wouldUnlock: z.number().int(),
});
export type AchievementDryRun = z.infer<typeof achievementDryRunSchema>;

export const achievementBackfillInputSchema = z.object({
  id: entityIdSchema,
  reason: auditReasonSchema.optional(),
});
export type AchievementBackfillInput = z.input<typeof achievementBackfillInputSchema>;

export const achievementBackfillSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  /** Learners who newly received it; 0 on a repeat. */
  awarded: z.number().int(),
  /** Total XP granted through the ledger. */
  xpGranted: z.number().int(),
  avatarsUnlocked: z.number().int(),
});
export type AchievementBackfill = z.infer<typeof achievementBackfillSchema>;
