// Typed answers are compared as the learner means them, not as they were keyed in.

/** `.`, `!`, `?`, `…` and Spanish `¡` `¿`, with any white space around them, at either end. */
const END_PUNCTUATION = /^[\s.!?…¡¿]+|[\s.!?…¡¿]+$/gu;
/** Phone keyboards type ’ for ' ("don’t"): one apostrophe for all. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/gu;

/**
 * Unicode NFC, case folding, one apostrophe, white space trimmed and collapsed, end punctuation
 * dropped. Upper- then lower-casing approximates full case folding (ß ~ SS ~ ss) and does not
 * depend on the runtime's locale. Accents are kept: está ≠ esta.
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(/\s+/gu, ' ')
    .replace(END_PUNCTUATION, '');
}

/** Length in user-typed characters (code points), as the typo threshold counts it. */
export const answerLength = (normalized: string): number => Array.from(normalized).length;

function equalFrom(a: readonly string[], i: number, b: readonly string[], j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; k < a.length - i; k += 1) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/**
 * True when `a` and `b` are at most one edit apart in the Damerau–Levenshtein sense (one
 * insertion, deletion, substitution or transposition of adjacent characters), in linear time.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  if (i === x.length && i === y.length) return true;
  if (x.length === y.length) {
    if (equalFrom(x, i + 1, y, i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && equalFrom(x, i + 2, y, i + 2);
  }
  return x.length > y.length ? equalFrom(x, i + 1, y, i) : equalFrom(x, i, y, i + 1);
}
