import superjson from 'superjson';

type SuperJsonResult = ReturnType<typeof superjson.serialize>;

// What the API answers is plain JSON data and Dates (zod-checked DTOs). superjson's general walker
// (paths for every node, maps of annotations) costs ~10× JSON.stringify on a big answer; this
// encoder only looks for Dates and writes superjson's own format, so every client still decodes
// with superjson. Anything else (Map, Set, BigInt, NaN, -0, a key with a dot …) goes to superjson.

const UNSUPPORTED = Symbol('unsupported');

/** Encodes `value` exactly as `superjson.serialize` would, for the plain-data-and-Dates case, faster. */
export function serializeFast(value: unknown): SuperJsonResult {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? superjson.serialize(value)
      : { json: value.toISOString(), meta: { values: ['Date'], v: 1 } };
  }
  const datePaths: string[] = [];
  if (value === undefined || collectDates(value, [], datePaths) === UNSUPPORTED) {
    return superjson.serialize(value);
  }
  // JSON.stringify turns each Date into its ISO string (Date#toJSON), as superjson writes it.
  const json = value as SuperJsonResult['json'];
  if (!datePaths.length) return { json };
  const values = Object.fromEntries(datePaths.map((path) => [path, ['Date'] as [string]]));
  return { json, meta: { values, v: 1 } } as SuperJsonResult;
}

/** Records the path of every Date; UNSUPPORTED as soon as a value superjson must handle shows up. */
function collectDates(value: unknown, keys: (string | number)[], paths: string[]): typeof UNSUPPORTED | void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number')
    return Number.isFinite(value) && !Object.is(value, -0) ? undefined : UNSUPPORTED;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return UNSUPPORTED;
    paths.push(keys.join('.'));
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (item === undefined) return UNSUPPORTED;
      keys.push(index);
      const outcome = collectDates(item, keys, paths);
      keys.pop();
      if (outcome === UNSUPPORTED) return UNSUPPORTED;
    }
    return;
  }
  if (typeof value !== 'object') return UNSUPPORTED;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNSUPPORTED;
  for (const key in value) {
    // superjson escapes dots in paths; such keys are rare enough to leave to it.
    if (key.includes('.') || key.includes('\\')) return UNSUPPORTED;
    const child: unknown = (value as Record<string, unknown>)[key];
    // An undefined property is left out, as JSON.stringify does (superjson would mark it).
    if (child === undefined) continue;
    keys.push(key);
    const outcome = collectDates(child, keys, paths);
    keys.pop();
    if (outcome === UNSUPPORTED) return UNSUPPORTED;
  }
}
