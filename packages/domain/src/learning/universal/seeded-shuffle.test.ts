import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shuffleSeeded } from './seeded-shuffle.ts';

describe('shuffleSeeded', () => {
  it('is a permutation, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), fc.integer(), (items, seed) => {
        const shuffled = shuffleSeeded(items, seed);
        expect([...shuffled].sort()).toEqual([...items].sort());
        expect(shuffleSeeded(items, seed)).toEqual(shuffled);
      }),
    );
  });

  it('never keeps the given order of distinct items', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { minLength: 2, maxLength: 6 }),
        fc.integer(),
        (items, seed) => {
          expect(shuffleSeeded(items, seed)).not.toEqual(items);
        },
      ),
    );
  });

  it('leaves the input alone', () => {
    const items = ['a', 'b', 'c'];
    shuffleSeeded(items, 7);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});
