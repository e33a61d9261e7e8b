import { z } from 'zod';

export const ROLES = ['learner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const DAILY_XP_GOALS = [10, 20, 30, 50] as const;
export type DailyXpGoal = (typeof DAILY_XP_GOALS)[number];

export const USERNAME_PATTERN = /^[A-Za-z0-9_.]{3,30}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, '3–30 letters, digits, "_" or "."');

/** Bounds what is worth reading at all; the password policy gives the precise, coded answer. */
export const PASSWORD_INPUT_MAX_LENGTH = 1024;

// A new password: its rules (length, common, containing the email or username) are the policy's
// (password-policy.ts), applied by the service so each refusal has its own code.
export const newPasswordSchema = z.string().max(PASSWORD_INPUT_MAX_LENGTH);

export const signUpInputSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

// Sign-in checks only the shape: a stricter schema would tell an attacker which rule a stored password breaks.
export const signInInputSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** What a signed-in learner or admin sees of their own account. */
export const accountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  isVerified: z.boolean(),
  timezone: z.string(),
  dailyXpGoal: z.number().int(),
  createdAt: z.date(),
});
export type Account = z.infer<typeof accountSchema>;
