import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGraphemes } from '../../identity/universal/tagline.ts';
import { excerptOf } from './excerpt.ts';

describe('excerptOf', () => {
  it.each([
    ['short', 5, 'short'],
    ['line one\n\nline two', 40, 'line one line two'],
    ['abcdefgh', 5, 'abcd…'],
    ['👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 2, '👨‍👩‍👧‍👦…'],
    ['word and more', 6, 'word…'],
  ])('%j in %i characters is %j', (body, max, expected) => {
    expect(excerptOf(body, max)).toBe(expected);
  });

  it('never exceeds the limit and never splits a character', () => {
    const grapheme = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.constantFrom('🇯🇵', '👍🏽', 'é'),
    );
    fc.assert(
      fc.property(fc.array(grapheme, { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), (parts, max) => {
        const body = parts.join('');
        const excerpt = excerptOf(body, max);
        expect(splitGraphemes(excerpt).length).toBeLessThanOrEqual(max);
        const kept = excerpt.endsWith('…') ? excerpt.slice(0, -1) : excerpt;
        expect(body.replace(/\s+/g, ' ').trim().startsWith(kept)).toBe(true);
      }),
    );
  });
});
