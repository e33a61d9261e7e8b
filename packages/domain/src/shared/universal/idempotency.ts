import { z } from 'zod';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,200}$/;

/** The client-generated key every rewarding mutation carries (a UUID is ideal). */
export const idempotencyKeySchema = z
  .string()
  .regex(IDEMPOTENCY_KEY_PATTERN, '8–200 letters, digits, "-" or "_" (a UUID works)');
