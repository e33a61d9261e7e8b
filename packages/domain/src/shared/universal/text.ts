// PostgreSQL text and jsonb cannot hold U+0000: such input is refused as bad input up front,
// instead of failing the write with a database error.
export const withoutNul = (value: string): boolean => !value.includes('\u0000');
export const NUL_MESSAGE = 'may not contain the NUL character';

/** The path of the first string (or object key) in `value` holding U+0000, or null when none does. */
export function findNulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return withoutNul(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulPath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (!withoutNul(key)) return [...path, key];
      const found = findNulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
