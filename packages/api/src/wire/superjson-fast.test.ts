import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeFast } from './superjson-fast.ts';

/** What a client decodes from the bytes the server sends. */
const onTheWire = (encoded: unknown): unknown => JSON.parse(JSON.stringify(encoded));
const decoded = (encoded: unknown) => superjson.deserialize(onTheWire(encoded) as never);

const plainKey = fc.string({ maxLength: 8 }).filter((key) => !key.includes('.') && !key.includes('\\'));
const validDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  validDate,
);
const { data } = fc.letrec((tie) => ({
  data: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('data'), { maxLength: 5 }),
    fc.dictionary(plainKey, tie('data'), { maxKeys: 5 }),
  ),
}));

describe('serializeFast', () => {
  it('decodes to what superjson would give, for any plain data with Dates', () => {
    fc.assert(
      fc.property(data, (value) => {
        expect(decoded(serializeFast(value))).toEqual(decoded(superjson.serialize(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same bytes as superjson for DTO-shaped answers', () => {
    const answer = {
      at: new Date(5),
      items: [
        { day: new Date(0), n: 1 },
        { day: null, n: 2 },
      ],
      nested: { when: new Date(7) },
    };
    for (const value of [answer, new Date(3), [1, 'a'], { none: [] }]) {
      expect(JSON.stringify(serializeFast(value))).toBe(JSON.stringify(superjson.serialize(value)));
    }
  });

  it('hands values superjson must annotate to superjson itself', () => {
    for (const value of [
      { big: 10n },
      { set: new Set([1]) },
      { map: new Map([[1, 2]]) },
      { nan: Number.NaN },
      { minusZero: -0 },
      { 'dotted.key': new Date(1) },
      [undefined, 1],
      undefined,
      new Date(Number.NaN),
    ]) {
      expect(serializeFast(value)).toEqual(superjson.serialize(value));
    }
  });

  it('leaves an undefined property out, which decodes to the same undefined', () => {
    const value = { kept: 1, missing: undefined };
    expect(decoded(serializeFast(value))).toEqual(decoded(superjson.serialize(value)));
  });
});
