// A learner's own settings: what they see on their settings screen and may change.
import { z } from 'zod';
import { selectedAvatarSchema } from '../../game/universal/avatars.ts';
import { DAILY_XP_GOALS } from './account.ts';
import { setTaglineInputSchema } from './tagline.ts';

// IANA names: `UTC`, `Europe/Madrid`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`. Rules out the
// offset forms (`+01:00`) newer runtimes also accept: they keep no daylight-saving rules.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The canonical spelling of an IANA time zone this runtime knows (`europe/madrid` →
 * `Europe/Madrid`, `US/Pacific` → `America/Los_Angeles`), or null for anything else.
 */
export function canonicalTimeZone(name: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return IANA_NAME.test(resolved) ? resolved : null;
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: 'Pick a time zone by its name, such as Europe/Madrid' });
    return z.NEVER;
  });

export const dailyXpGoalSchema = z.literal(DAILY_XP_GOALS, {
  error: `The daily goal is one of ${DAILY_XP_GOALS.join(', ')} XP`,
});

/** Only the settings given change; a tagline of null or blank text clears it. */
export const updateProfileSettingsInputSchema = z
  .object({
    tagline: setTaglineInputSchema.shape.tagline.optional(),
    timezone: timeZoneSchema.optional(),
    dailyXpGoal: dailyXpGoalSchema.optional(),
  })
  .refine(
    (input) => Object.values(input).some((value) => value !== undefined),
    'Change at least one setting',
  );
export type UpdateProfileSettingsInput = z.input<typeof updateProfileSettingsInputSchema>;

export const profileSettingsSchema = z.object({
  username: z.string(),
  tagline: z.string().nullable(),
  timezone: z.string(),
  dailyXpGoal: z.number().int(),
  /** Null: none chosen (clients show the first default avatar); changed through game.selectAvatar. */
  avatar: selectedAvatarSchema,
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;
