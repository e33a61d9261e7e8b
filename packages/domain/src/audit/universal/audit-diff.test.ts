import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffAuditStates, sameJson, type FieldChange } from './audit-diff.ts';

describe('diffAuditStates', () => {
  it('lists a changed field with both values', () => {
    expect(diffAuditStates({ name: 'Owl', rarity: 'rare' }, { name: 'Wise owl', rarity: 'rare' })).toEqual([
      { path: ['name'], kind: 'changed', before: 'Owl', after: 'Wise owl' },
    ]);
  });

  it('lists added and removed fields', () => {
    expect(diffAuditStates({ a: 1, gone: true }, { a: 1, fresh: null })).toEqual([
      { path: ['gone'], kind: 'removed', before: true, after: undefined },
      { path: ['fresh'], kind: 'added', before: undefined, after: null },
    ]);
  });

  it('walks into nested objects and compares arrays as a whole', () => {
    const before = { criteria: { type: 'xp_total', value: 100 }, tags: [1, 2] };
    const after = { criteria: { type: 'xp_total', value: 250 }, tags: [2, 1] };
    expect(diffAuditStates(before, after)).toEqual([
      { path: ['criteria', 'value'], kind: 'changed', before: 100, after: 250 },
      { path: ['tags'], kind: 'changed', before: [1, 2], after: [2, 1] },
    ]);
  });

  it('treats a value turning into an object (or back) as one change', () => {
    expect(diffAuditStates({ avatar: null }, { avatar: { id: 3 } })).toEqual([
      { path: ['avatar'], kind: 'changed', before: null, after: { id: 3 } },
    ]);
  });

  it('lists every field of a creation as added and of a deletion as removed', () => {
    expect(diffAuditStates(null, { code: 'X', value: 2 }).map((c) => [c.path[0], c.kind])).toEqual([
      ['code', 'added'],
      ['value', 'added'],
    ]);
    expect(diffAuditStates({ code: 'X' }, null)).toEqual([
      { path: ['code'], kind: 'removed', before: 'X', after: undefined },
    ]);
    expect(diffAuditStates(null, null)).toEqual([]);
  });

  it('treats keys named like Object.prototype members as plain fields', () => {
    expect(diffAuditStates({ toString: 1 }, { constructor: 'x', toString: 1 })).toEqual([
      { path: ['constructor'], kind: 'added', before: undefined, after: 'x' },
    ]);
  });

  it('ignores key order and unchanged nested values', () => {
    expect(
      diffAuditStates({ a: { x: 1, y: [1, { z: 2 }] }, b: 2 }, { b: 2, a: { y: [1, { z: 2 }], x: 1 } }),
    ).toEqual([]);
  });
});

describe('sameJson', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, undefined, false],
    [[1, 2], [1, 2], true],
    [[1], [1, 1], false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: [{ b: 1 }] }, { a: [{ b: 1 }] }, true],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });
});

const state = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd'),
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.constantFrom('x', 'y'), fc.jsonValue({ maxDepth: 1 })),
  ),
) as fc.Arbitrary<Record<string, unknown>>;

const swapped = (change: FieldChange): FieldChange => ({
  path: change.path,
  kind: change.kind === 'added' ? 'removed' : change.kind === 'removed' ? 'added' : 'changed',
  before: change.after,
  after: change.before,
});
const byPath = (changes: FieldChange[]) =>
  [...changes].sort((x, y) => x.path.join('\0').localeCompare(y.path.join('\0')));

describe('diffAuditStates properties', () => {
  it('finds no change between a state and itself, or a deep copy of it', () => {
    fc.assert(
      fc.property(state, (value) => {
        expect(diffAuditStates(value, structuredClone(value))).toEqual([]);
      }),
    );
  });

  it('is its own mirror: diffing the other way swaps every change', () => {
    fc.assert(
      fc.property(state, state, (before, after) => {
        expect(byPath(diffAuditStates(after, before))).toEqual(
          byPath(diffAuditStates(before, after).map(swapped)),
        );
      }),
    );
  });

  it('reports a change exactly when the states differ', () => {
    fc.assert(
      fc.property(state, state, (before, after) => {
        expect(diffAuditStates(before, after).length > 0).toBe(!sameJson(before, after));
      }),
    );
  });
});
