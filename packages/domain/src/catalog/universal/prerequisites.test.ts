import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLessonUnlocked,
  missingPrerequisites,
  prerequisiteMap,
  topologicalOrder,
  wouldCreateCycle,
  type PrerequisiteEdge,
} from './prerequisites.ts';

const edge = (lessonId: number, requiredLessonId: number): PrerequisiteEdge<number> => ({
  lessonId,
  requiredLessonId,
});

// 3 requires 1 and 2; 2 requires 1; 4 requires 3.
const course = [edge(2, 1), edge(3, 1), edge(3, 2), edge(4, 3)];

describe('isLessonUnlocked', () => {
  const requires = prerequisiteMap(course);
  it.each([
    [1, [], true],
    [2, [], false],
    [2, [1], true],
    [3, [1], false],
    [3, [1, 2], true],
    [4, [1, 2], false],
    [99, [], true],
  ])('lesson %i with %j completed: %s', (lesson, completed, unlocked) => {
    expect(isLessonUnlocked(lesson, requires, new Set(completed))).toBe(unlocked);
  });

  it('names the prerequisites still missing', () => {
    expect(missingPrerequisites(3, requires, new Set([2]))).toEqual([1]);
  });
});

describe('wouldCreateCycle', () => {
  it.each([
    [edge(1, 4), true],
    [edge(1, 2), true],
    [edge(2, 2), true],
    [edge(4, 1), false],
    [edge(5, 4), false],
    [edge(1, 5), false],
  ])('adding %j: %s', (added, cycle) => {
    expect(wouldCreateCycle(course, added)).toBe(cycle);
  });
});

describe('topologicalOrder', () => {
  it('puts every prerequisite first', () => {
    expect(topologicalOrder(course)).toEqual([1, 2, 3, 4]);
  });

  it('includes lessons without edges', () => {
    expect(topologicalOrder(course, [7])).toEqual([7, 1, 2, 3, 4]);
  });

  it('refuses a cycle', () => {
    expect(() => topologicalOrder([...course, edge(1, 4)])).toThrow(RangeError);
  });
});

// A random DAG: edges only from a higher to a lower number, so no cycle; then relabelled.
const dag = fc
  .integer({ min: 1, max: 12 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      pairs: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 30 }),
      labels: fc.shuffledSubarray(
        Array.from({ length: 40 }, (_, i) => i + 1),
        { minLength: size, maxLength: size },
      ),
    }),
  )
  .map(({ pairs, labels }) =>
    pairs
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => edge(labels[Math.max(a, b)] ?? 0, labels[Math.min(a, b)] ?? 0)),
  );
// A candidate edge, mostly between lessons of the graph so that cycles are often found.
const withCandidate = dag.chain((edges) => {
  const nodes = [...new Set(edges.flatMap((e) => [e.lessonId, e.requiredLessonId])), 41];
  const node = fc.oneof(fc.constantFrom(...nodes), fc.integer({ min: 1, max: 41 }));
  return fc.tuple(fc.constant(edges), node, node);
});

/** Independent check: does `to` reach `from` along "requires" edges (or are they equal)? */
function reaches(edges: readonly PrerequisiteEdge<number>[], from: number, to: number): boolean {
  const frontier = [from];
  const seen = new Set<number>();
  while (frontier.length) {
    const next = frontier.shift() ?? 0;
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const e of edges) if (e.lessonId === next) frontier.push(e.requiredLessonId);
  }
  return false;
}

function expectValidOrder(edges: readonly PrerequisiteEdge<number>[], order: readonly number[]): void {
  const position = new Map(order.map((node, index) => [node, index]));
  for (const e of edges) {
    expect(position.get(e.requiredLessonId)).toBeLessThan(position.get(e.lessonId) ?? -1);
  }
}

describe('prerequisite properties', () => {
  it('an edge reported cycle-free never creates a cycle', () => {
    fc.assert(
      fc.property(withCandidate, ([edges, lessonId, requiredLessonId]) => {
        const added = edge(lessonId, requiredLessonId);
        fc.pre(!wouldCreateCycle(edges, added));
        const grown = [...edges, added];
        expectValidOrder(grown, topologicalOrder(grown));
      }),
    );
  });

  it('a reported cycle really is one', () => {
    fc.assert(
      fc.property(withCandidate, ([edges, lessonId, requiredLessonId]) => {
        const added = edge(lessonId, requiredLessonId);
        fc.pre(wouldCreateCycle(edges, added));
        expect(reaches(edges, requiredLessonId, lessonId)).toBe(true);
        expect(() => topologicalOrder([...edges, added])).toThrow(RangeError);
      }),
    );
  });

  it('reports exactly the edges that close a path back', () => {
    fc.assert(
      fc.property(withCandidate, ([edges, lessonId, requiredLessonId]) => {
        expect(wouldCreateCycle(edges, edge(lessonId, requiredLessonId))).toBe(
          reaches(edges, requiredLessonId, lessonId),
        );
      }),
    );
  });

  it('orders any DAG with every lesson once', () => {
    fc.assert(
      fc.property(dag, (edges) => {
        const order = topologicalOrder(edges);
        expect(new Set(order).size).toBe(order.length);
        expectValidOrder(edges, order);
      }),
    );
  });
});
