import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGraphemes, TAGLINE_MAX_GRAPHEMES, validateTagline } from './tagline.ts';

const accepted = (raw: string | null) => {
  const result = validateTagline(raw);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(raw)}: ${result.problem.code}`);
  return result.tagline;
};
const refusal = (raw: string) => {
  const result = validateTagline(raw);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return result.problem;
};

// Graphemes a Latin-only rule would miscount: each is one user-perceived character.
const RICH_GRAPHEMES = [
  '👨‍👩‍👧‍👦', // ZWJ family: 7 code points
  '🧑🏽‍💻', // skin tone + ZWJ
  '👍🏿',
  '🏳️‍🌈',
  '🇯🇵', // regional-indicator flag
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', // subdivision flag (tag sequence)
  '❤️', // variation selector
  '1️⃣', // keycap
  '漢',
  '한',
  'ก้',
  'क्षि',
  'ẹ́', // base + two marks, no precomposed form
  'q̃',
  'é', // precomposed (NFC)
] as const;

describe('validateTagline', () => {
  it.each([
    ['Learning every day', 'Learning every day'],
    ['  padded  ', 'padded'],
    ['\t trailing tab and newline\n', 'trailing tab and newline'],
    ['Cafe\u0301 au lait', 'Café au lait'], // NFD in, NFC out
    ['日本語を勉強中 🇯🇵', '日本語を勉強中 🇯🇵'],
    ['👨‍👩‍👧‍👦 family first', '👨‍👩‍👧‍👦 family first'],
    ['مرحبا بالعالم', 'مرحبا بالعالم'], // RTL text itself is fine, only direction controls are not
    ['x'.repeat(48), 'x'.repeat(48)],
    ['👨‍👩‍👧‍👦'.repeat(48), '👨‍👩‍👧‍👦'.repeat(48)],
  ])('accepts %j as %j', (raw, stored) => {
    expect(accepted(raw)).toBe(stored);
  });

  it.each([[''], ['   '], ['\u3000\n']])('clears the tagline for blank %j', (raw) => {
    expect(accepted(raw)).toBeNull();
  });

  it('clears the tagline for null', () => {
    expect(accepted(null)).toBeNull();
  });

  it.each([
    ['x'.repeat(49), 'TAGLINE_TOO_LONG'],
    ['🇯🇵'.repeat(49), 'TAGLINE_TOO_LONG'],
    [`a${'\u0301'.repeat(40)}`, 'TAGLINE_TOO_LONG'], // one "character" of 41 code points
    ['line one\nline two', 'TAGLINE_CONTROL_CHARACTER'],
    ['tab\there', 'TAGLINE_CONTROL_CHARACTER'],
    ['nul\u0000byte', 'TAGLINE_CONTROL_CHARACTER'],
    ['c1\u0085control', 'TAGLINE_CONTROL_CHARACTER'],
    ['del\u007f', 'TAGLINE_CONTROL_CHARACTER'],
    ['admin\u202Egnp.exe', 'TAGLINE_BIDI_CONTROL'],
    ['\u2066isolated\u2069', 'TAGLINE_BIDI_CONTROL'],
    ['mark\u200F', 'TAGLINE_BIDI_CONTROL'],
    ['arabic\u061Cmark', 'TAGLINE_BIDI_CONTROL'],
    ['lone \uD83D surrogate', 'TAGLINE_MALFORMED'],
  ])('refuses %j with %s', (raw, code) => {
    const problem = refusal(raw);
    expect(problem.code).toBe(code);
    expect(problem.kind).toBe('BAD_INPUT');
    expect(problem.details.path).toEqual(['tagline']);
  });

  it('counts user-perceived characters, not code units', () => {
    for (const grapheme of RICH_GRAPHEMES) expect(splitGraphemes(grapheme)).toEqual([grapheme]);
  });
});

const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];
const isForbidden = (grapheme: string) => FORBIDDEN.some((char) => grapheme.includes(char));

// fast-check's printable graphemes (any script, decomposed forms too) plus emoji sequences.
const grapheme = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...RICH_GRAPHEMES),
);
const tagline = (maxLength: number) =>
  fc
    .array(grapheme, { maxLength })
    .map((parts) => parts.join('').normalize('NFC'))
    .filter((text) => text === text.trim() && !isForbidden(text));

describe('validateTagline properties', () => {
  it(`returns any NFC text of at most ${TAGLINE_MAX_GRAPHEMES} valid characters unchanged`, () => {
    fc.assert(
      fc.property(tagline(TAGLINE_MAX_GRAPHEMES), (text) => {
        expect(validateTagline(text)).toEqual({ ok: true, tagline: text === '' ? null : text });
      }),
    );
  });

  it('stores the NFC form of any input, so canonically equal taglines are equal', () => {
    fc.assert(
      fc.property(tagline(TAGLINE_MAX_GRAPHEMES), (text) => {
        expect(validateTagline(text.normalize('NFD'))).toEqual(validateTagline(text));
      }),
    );
  });

  it(`refuses ${TAGLINE_MAX_GRAPHEMES + 1} or more characters`, () => {
    const distinct = fc.oneof(fc.constantFrom(...RICH_GRAPHEMES), fc.constantFrom('a', 'Z', '7', 'ж', '字'));
    fc.assert(
      fc.property(fc.array(distinct, { minLength: TAGLINE_MAX_GRAPHEMES + 1, maxLength: 200 }), (parts) => {
        const result = validateTagline(parts.join(''));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.code).toBe('TAGLINE_TOO_LONG');
      }),
    );
  });

  it('refuses any text with a direction control anywhere in it', () => {
    const control = fc.constantFrom(...FORBIDDEN.slice(-12));
    fc.assert(
      fc.property(tagline(20), control, tagline(20), (before, char, after) => {
        const result = validateTagline(`${before}${char}${after}`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.code).toBe('TAGLINE_BIDI_CONTROL');
      }),
    );
  });

  it('refuses any text with a control character inside it', () => {
    const control = fc.constantFrom(...FORBIDDEN.slice(0, -12));
    fc.assert(
      fc.property(tagline(20), control, tagline(20), (before, char, after) => {
        fc.pre(before !== '' && after !== ''); // at either end it is trimmed (when white space)
        const result = validateTagline(`${before}${char}${after}`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problem.code).toBe('TAGLINE_CONTROL_CHARACTER');
      }),
    );
  });
});
