import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from '../../shared/universal/text.ts';

/** Why an admin did something, kept in the audit trail beside the change. */
export const auditReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why, for the audit trail')
  .max(500)
  .refine(withoutNul, NUL_MESSAGE);
