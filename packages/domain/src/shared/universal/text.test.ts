import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNulPath } from './text.ts';

describe('findNulPath', () => {
  it('finds NUL in nested strings and keys, with the path to it', () => {
    expect(findNulPath({ a: [{ b: 'ok' }, { c: 'x\u0000y' }] })).toEqual(['a', 1, 'c']);
    expect(findNulPath({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(findNulPath('\u0000')).toEqual([]);
  });

  it('answers null for any value without NUL', () => {
    const noNul = fc.string().filter((text) => !text.includes('\u0000'));
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
        (value) => {
          const hasNul = JSON.stringify(value).includes('\\u0000');
          expect(findNulPath(value) === null).toBe(!hasNul);
        },
      ),
    );
    fc.assert(fc.property(fc.dictionary(noNul, noNul), (value) => findNulPath(value) === null));
  });
});
