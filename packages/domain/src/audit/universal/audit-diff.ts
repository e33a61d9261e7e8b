// Field-level differences between an audited entity's state before and after an admin mutation,
// so the audit viewer can show "name: Owl → Wise owl" instead of two JSON blobs.
import { z } from 'zod';

export const FIELD_CHANGE_KINDS = ['added', 'removed', 'changed'] as const;

export const fieldChangeSchema = z.object({
  /** Keys from the state's root to the field, e.g. `['criteria', 'value']`. */
  path: z.array(z.string()),
  kind: z.enum(FIELD_CHANGE_KINDS),
  /** Absent for an added field. */
  before: z.unknown(),
  /** Absent for a removed field. */
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON values; object key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return false;
}

/**
 * The fields that differ between two states. Nested objects are compared field by field, arrays
 * and other values as a whole. A null state (a creation or a deletion) counts as an empty object,
 * so a creation lists every field as added and a deletion every field as removed.
 */
export function diffAuditStates(before: JsonObject | null, after: JsonObject | null): FieldChange[] {
  return diffObjects(before ?? {}, after ?? {}, []);
}

function diffObjects(before: JsonObject, after: JsonObject, path: string[]): FieldChange[] {
  const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
  return keys.flatMap((key): FieldChange[] => {
    const at = [...path, key];
    if (!Object.hasOwn(after, key))
      return [{ path: at, kind: 'removed', before: before[key], after: undefined }];
    if (!Object.hasOwn(before, key))
      return [{ path: at, kind: 'added', before: undefined, after: after[key] }];
    const [was, is] = [before[key], after[key]];
    if (isObject(was) && isObject(is)) return diffObjects(was, is, at);
    return sameJson(was, is) ? [] : [{ path: at, kind: 'changed', before: was, after: is }];
  });
}
