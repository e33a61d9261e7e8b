// The profile tagline (seed 004, DESIGN §4): at most 48 user-perceived characters of any script or
// emoji, stored NFC-normalised so equal-looking taglines are equal bytes.
import { z } from 'zod';
import type { DomainErrorDetails, DomainErrorKind } from '../../shared/universal/domain-error.ts';

export const TAGLINE_MAX_GRAPHEMES = 48;
/**
 * Per user-perceived character: the longest real emoji (a subdivision flag) is 7 code points; a
 * cluster of hundreds of stacked marks ("Zalgo") is one grapheme but not a character anyone types.
 */
export const TAGLINE_MAX_CODE_POINTS_PER_GRAPHEME = 32;

export type TaglineProblemCode =
  'TAGLINE_TOO_LONG' | 'TAGLINE_CONTROL_CHARACTER' | 'TAGLINE_BIDI_CONTROL' | 'TAGLINE_MALFORMED';

/** Shaped like a DomainError's fields, so the service throws it and a form shows it alike. */
export interface TaglineProblem {
  readonly code: TaglineProblemCode;
  readonly kind: Extract<DomainErrorKind, 'BAD_INPUT'>;
  readonly message: string;
  readonly details: DomainErrorDetails;
}

export type TaglineValidation =
  | { readonly ok: true; readonly tagline: string | null }
  | { readonly ok: false; readonly problem: TaglineProblem };

const CONTROL = /\p{Cc}/u;
// Overrides and embeddings (U+202A–U+202E), isolates (U+2066–U+2069) and the invisible direction
// marks: they let a tagline reorder or disguise the text displayed after it.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// A lone UTF-16 surrogate cannot be stored as UTF-8 (the driver would silently replace it).
const LONE_SURROGATE = /\p{Cs}/u;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** User-perceived characters (extended grapheme clusters), as a reader counts them. */
export function splitGraphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

const problem = (code: TaglineProblemCode, message: string, extra: object = {}): TaglineValidation => ({
  ok: false,
  problem: { code, kind: 'BAD_INPUT', message, details: { path: ['tagline'], ...extra } },
});

/** NFC-normalises and trims a tagline; empty (or null) clears it. */
export function validateTagline(raw: string | null): TaglineValidation {
  if (raw === null) return { ok: true, tagline: null };
  if (LONE_SURROGATE.test(raw)) return problem('TAGLINE_MALFORMED', 'The tagline is not valid Unicode text');
  const tagline = raw.normalize('NFC').trim();
  if (CONTROL.test(tagline)) {
    return problem(
      'TAGLINE_CONTROL_CHARACTER',
      'The tagline cannot contain line breaks, tabs or control characters',
    );
  }
  if (BIDI_CONTROL.test(tagline)) {
    return problem('TAGLINE_BIDI_CONTROL', 'The tagline cannot contain text-direction control characters');
  }
  const graphemes = splitGraphemes(tagline);
  if (graphemes.length > TAGLINE_MAX_GRAPHEMES) {
    return problem('TAGLINE_TOO_LONG', `At most ${TAGLINE_MAX_GRAPHEMES} characters`, {
      max: TAGLINE_MAX_GRAPHEMES,
      actual: graphemes.length,
    });
  }
  if (graphemes.some((g) => codePointCount(g) > TAGLINE_MAX_CODE_POINTS_PER_GRAPHEME)) {
    return problem('TAGLINE_TOO_LONG', 'A character of the tagline stacks too many marks');
  }
  return { ok: true, tagline: tagline === '' ? null : tagline };
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export const setTaglineInputSchema = z.object({
  // The grapheme rule is validateTagline's; this only bounds what is worth reading at all.
  tagline: z.string().max(4096).nullable(),
});
export type SetTaglineInput = z.infer<typeof setTaglineInputSchema>;

export const taglineResultSchema = z.object({ tagline: z.string().nullable() });
export type TaglineResult = z.infer<typeof taglineResultSchema>;
