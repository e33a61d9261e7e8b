import { z } from 'zod';

/** A row id as clients send it: a positive integer that survives a round trip through a JS number. */
export const entityIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
