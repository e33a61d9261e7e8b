import { z } from 'zod';

export const playerSummarySchema = z.object({
  xp: z.number().int(),
  level: z.number().int(),
  xpIntoLevel: z.number().int(),
  xpForNextLevel: z.number().int(),
  studyStreakCurrent: z.number().int(),
  studyStreakLongest: z.number().int(),
});
export type PlayerSummary = z.infer<typeof playerSummarySchema>;
