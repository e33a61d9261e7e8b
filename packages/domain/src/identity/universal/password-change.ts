import { z } from 'zod';
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from './account.ts';

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const passwordChangedSchema = z.object({
  changed: z.literal(true),
  /** The user's other sessions, ended by the change. */
  revokedSessions: z.number().int().nonnegative(),
});
export type PasswordChanged = z.infer<typeof passwordChangedSchema>;
