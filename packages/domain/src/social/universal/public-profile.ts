import { z } from 'zod';
import { usernameSchema } from '../../identity/universal/account.ts';
import { highlightSchema } from './highlights.ts';

export const publicProfileInputSchema = z.object({ username: usernameSchema });

export const publicProfileSchema = z.object({
  username: z.string(),
  tagline: z.string().nullable(),
  level: z.number().int(),
  xp: z.number().int(),
  /** Null when none is chosen: clients show the first default avatar. */
  avatar: z.object({ code: z.string(), name: z.string(), imageUrl: z.string() }).nullable(),
  /** Shown next to the name at 16×16. */
  tagBadges: z.array(z.object({ code: z.string(), name: z.string(), iconUrl16: z.string() })),
  highlights: z.array(highlightSchema),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;
