import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendHighlight,
  compactPositions,
  dropDeletedPost,
  hasContiguousPositions,
  moveHighlight,
  removeHighlight,
  reorderHighlights,
  withPositions,
  type HighlightChange,
  type HighlightList,
} from './highlight-positions.ts';
import { MAX_HIGHLIGHTS } from './reactions.ts';

const listOf = (change: HighlightChange): HighlightList => {
  if (!change.ok) throw new Error(change.problem.code);
  return change.list;
};
const problemOf = (change: HighlightChange) => (change.ok ? undefined : change.problem.code);
const full = Array.from({ length: MAX_HIGHLIGHTS }, (_, i) => i + 1);

describe('highlight list operations', () => {
  it.each([
    ['appends at the end', appendHighlight([10, 20], 30), [10, 20, 30]],
    ['ignores a post already highlighted', appendHighlight([10, 20], 10), [10, 20]],
    ['removes from the middle', removeHighlight([10, 20, 30], 20), [10, 30]],
    ['removes the first', removeHighlight([10, 20, 30], 10), [20, 30]],
    ['moves down', moveHighlight([10, 20, 30, 40], 0, 2), [20, 30, 10, 40]],
    ['moves up', moveHighlight([10, 20, 30, 40], 3, 1), [10, 40, 20, 30]],
    ['moves in place', moveHighlight([10, 20], 1, 1), [10, 20]],
    ['reorders (a swap)', reorderHighlights([10, 20, 30], [30, 20, 10]), [30, 20, 10]],
  ])('%s', (_name, change, expected) => {
    expect(listOf(change)).toEqual(expected);
  });

  it('reports whether anything changed', () => {
    expect(appendHighlight([1], 1)).toMatchObject({ changed: false });
    expect(appendHighlight([1], 2)).toMatchObject({ changed: true });
    expect(moveHighlight([1, 2], 0, 0)).toMatchObject({ changed: false });
    expect(reorderHighlights([1, 2], [1, 2])).toMatchObject({ changed: false });
    expect(reorderHighlights([1, 2], [2, 1])).toMatchObject({ changed: true });
  });

  it.each([
    ['a full list refuses one more', appendHighlight(full, 999), 'HIGHLIGHTS_FULL'],
    ['removing what is not there', removeHighlight([1, 2], 3), 'HIGHLIGHT_NOT_FOUND'],
    ['moving from past the end', moveHighlight([1, 2], 2, 0), 'HIGHLIGHT_POSITION_OUT_OF_RANGE'],
    ['moving to a negative place', moveHighlight([1, 2], 0, -1), 'HIGHLIGHT_POSITION_OUT_OF_RANGE'],
    ['an order missing one', reorderHighlights([1, 2, 3], [3, 1]), 'HIGHLIGHT_ORDER_MISMATCH'],
    ['an order with a stranger', reorderHighlights([1, 2], [2, 7]), 'HIGHLIGHT_ORDER_MISMATCH'],
    ['an order with a repeat', reorderHighlights([1, 2], [2, 2]), 'HIGHLIGHT_ORDER_MISMATCH'],
    ['an order with an extra', reorderHighlights([1, 2], [2, 1, 3]), 'HIGHLIGHT_ORDER_MISMATCH'],
  ])('%s', (_name, change, code) => {
    expect(problemOf(change)).toBe(code);
  });

  it('a full list still accepts a post it already has', () => {
    expect(listOf(appendHighlight(full, 1))).toBe(full);
  });

  it('closes gaps after deletions, keeping the order', () => {
    const rows = [
      { postId: 7, position: 5 },
      { postId: 3, position: 0 },
      { postId: 9, position: 2 },
    ];
    expect(compactPositions(rows)).toEqual([
      { postId: 3, position: 0 },
      { postId: 9, position: 1 },
      { postId: 7, position: 2 },
    ]);
    expect(hasContiguousPositions(rows)).toBe(false);
    expect(hasContiguousPositions(compactPositions(rows))).toBe(true);
  });
});

type Operation =
  | { readonly op: 'add'; readonly postId: number }
  | { readonly op: 'remove'; readonly pick: number }
  | { readonly op: 'move'; readonly from: number; readonly to: number }
  | { readonly op: 'shuffle'; readonly seed: number }
  | { readonly op: 'deletePost'; readonly postId: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('add' as const), postId: fc.integer({ min: 1, max: 200 }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('deletePost' as const),
      postId: fc.integer({ min: 1, max: 200 }),
    }),
  },
);

function apply(list: HighlightList, operation: Operation): HighlightList {
  const n = list.length;
  switch (operation.op) {
    case 'add': {
      const change = appendHighlight(list, operation.postId);
      return change.ok ? change.list : list;
    }
    case 'remove':
      return n === 0 ? list : listOf(removeHighlight(list, list[operation.pick % n] ?? -1));
    case 'move':
      return n === 0 ? list : listOf(moveHighlight(list, operation.from % n, operation.to % n));
    case 'shuffle': {
      const order = [...list].sort(
        (a, b) => ((a * 7919 + operation.seed) % 101) - ((b * 7919 + operation.seed) % 101),
      );
      return listOf(reorderHighlights(list, order));
    }
    case 'deletePost':
      return dropDeletedPost(list, operation.postId);
  }
}

describe('highlight list properties', () => {
  it('keeps positions 0..n−1, each post once, at most 128, after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        let list: HighlightList = [];
        for (const step of operations) {
          list = apply(list, step);
          expect(hasContiguousPositions(withPositions(list))).toBe(true);
        }
      }),
    );
  });

  it('never loses or invents a highlight: add, remove and delete change exactly one membership', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 100 }), (operations) => {
        let list: HighlightList = [];
        let members = new Set<number>();
        for (const step of operations) {
          list = apply(list, step);
          if (step.op === 'add' && members.size < MAX_HIGHLIGHTS) members.add(step.postId);
          if (step.op === 'deletePost') members.delete(step.postId);
          if (step.op === 'remove') members = new Set(list);
          expect(new Set(list)).toEqual(members);
        }
      }),
    );
  });

  it(`stops at ${MAX_HIGHLIGHTS}: the first ${MAX_HIGHLIGHTS} distinct posts stay, in order`, () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(10_000), { minLength: 100, maxLength: 200 }), (ids) => {
        let list: HighlightList = [];
        for (const id of ids) list = apply(list, { op: 'add', postId: id });
        expect(list).toEqual(ids.slice(0, MAX_HIGHLIGHTS));
      }),
      { numRuns: 30 },
    );
  });

  it('moving keeps the relative order of every other highlight', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (ids, a, b) => {
          const from = a % ids.length;
          const to = b % ids.length;
          const moved = listOf(moveHighlight(ids, from, to));
          expect(moved[to]).toBe(ids[from]);
          expect(moved.filter((id) => id !== ids[from])).toEqual(ids.filter((id) => id !== ids[from]));
        },
      ),
    );
  });

  it('removing keeps the relative order of the rest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 40 }), fc.nat(), (ids, pick) => {
        const victim = ids[pick % ids.length] ?? -1;
        expect(listOf(removeHighlight(ids, victim))).toEqual(ids.filter((id) => id !== victim));
      }),
    );
  });

  it('a reorder accepts exactly the permutations of the current list', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(50), { maxLength: 20 }),
        fc.array(fc.nat(50), { maxLength: 22 }),
        (ids, requested) => {
          const isPermutation =
            [...requested].sort((x, y) => x - y).join() === [...ids].sort((x, y) => x - y).join();
          expect(reorderHighlights(ids, requested).ok).toBe(isPermutation);
        },
      ),
    );
  });

  it('compacting positions with gaps equals the list in position order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(127), { maxLength: 128 }), (positions) => {
        const rows = positions.map((position, i) => ({ postId: i + 1, position }));
        const compacted = compactPositions(rows);
        expect(hasContiguousPositions(compacted)).toBe(true);
        expect(compacted.map((row) => row.postId)).toEqual(
          [...rows].sort((x, y) => x.position - y.position).map((row) => row.postId),
        );
      }),
    );
  });
});
