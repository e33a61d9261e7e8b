// Field schemas the admin editors' inputs share (catalog, game content).
import { z } from 'zod';
import { NUL_MESSAGE, withoutNul } from './text.ts';

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Trimmed, required text of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .refine(withoutNul, NUL_MESSAGE);

export const descriptionSchema = z
  .string()
  .trim()
  .max(5000, 'must be at most 5000 characters')
  .refine(withoutNul, NUL_MESSAGE);

/** A search box: a substring to look for. */
export const searchSchema = z.string().trim().max(100).refine(withoutNul, NUL_MESSAGE);

/** Where to put a new child: 0 is first; omitted (or past the end) appends. */
export const positionSchema = z.number().int().min(0).max(10_000);

/** Every child of one parent, each once, in the wanted order. */
export const orderedIdsSchema = z
  .array(idSchema)
  .min(1)
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, 'lists an id twice');

export const byIdSchema = z.object({ id: idSchema });
export type ById = z.input<typeof byIdSchema>;

/** A stable key of content (`es-greetings-1`): lower-case letters, digits, `-`, `_` and `.`. */
export const contentKeySchema = (max: number) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

export const deletedSchema = z.object({ id: z.number().int(), deleted: z.literal(true) });
export type Deleted = z.infer<typeof deletedSchema>;

export const reorderedSchema = z.object({
  parentId: z.number().int(),
  orderedIds: z.array(z.number().int()),
});
export type Reordered = z.infer<typeof reorderedSchema>;
