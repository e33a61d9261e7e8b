import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import {
  appendHighlight,
  dropDeletedPost,
  hasContiguousPositions,
  moveHighlight,
  removeHighlight as removeFromModel,
  type HighlightList,
} from '../universal/highlight-positions.ts';
import { addHighlight, removeHighlight, reorderHighlights } from './highlights.ts';
import { deletePost } from './posts.ts';
import { insertPosts, newLearner, storedHighlights } from './testing/social-factory.ts';

// The services and the database trigger against the pure list model, step by step, and under
// concurrency: positions 0..n−1 whatever happens.
const db = useTestDatabase();

type Step =
  | { readonly op: 'add'; readonly pick: number }
  | { readonly op: 'remove'; readonly pick: number }
  | { readonly op: 'move'; readonly from: number; readonly to: number }
  | { readonly op: 'deletePost'; readonly pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deletePost' as const), pick: fc.nat() }) },
);

describe('highlights through the services match the list model', () => {
  it('after random sequences of add, remove, reorder and post deletion (30 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        const { id } = await newLearner(db.em());
        let posts = await insertPosts(db.em(), id, 12);
        let model: HighlightList = [];
        for (const s of steps) {
          const n = model.length;
          if (s.op === 'add' && posts.length) {
            const post = posts[s.pick % posts.length] ?? 0;
            await addHighlight(db.em(), id, post);
            const change = appendHighlight(model, post);
            if (change.ok) model = change.list;
          } else if (s.op === 'remove' && n) {
            const post = model[s.pick % n] ?? 0;
            await removeHighlight(db.em(), id, post);
            const change = removeFromModel(model, post);
            if (change.ok) model = change.list;
          } else if (s.op === 'move' && n) {
            const change = moveHighlight(model, s.from % n, s.to % n);
            if (change.ok) {
              await reorderHighlights(db.em(), id, change.list);
              model = change.list;
            }
          } else if (s.op === 'deletePost' && posts.length) {
            const post = posts[s.pick % posts.length] ?? 0;
            await deletePost(db.em(), id, post);
            posts = posts.filter((p) => p !== post);
            model = dropDeletedPost(model, post);
          }
          const stored = await storedHighlights(db.em(), id);
          expect(hasContiguousPositions(stored)).toBe(true);
          expect(stored.map((row) => row.postId)).toEqual(model);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('concurrent adds, removes and reorders of one learner leave positions contiguous', async () => {
    const { id } = await newLearner(db.em());
    const posts = await insertPosts(db.em(), id, 30);
    for (const post of posts.slice(0, 10)) await addHighlight(db.em(), id, post);
    const current = posts.slice(0, 10);
    const work = [
      ...posts.slice(10).map((post) => () => addHighlight(db.em(), id, post)),
      ...posts.slice(0, 5).map((post) => () => removeHighlight(db.em(), id, post)),
      ...posts.slice(5, 8).map((post) => () => deletePost(db.em(), id, post)),
      () => reorderHighlights(db.em(), id, [...current].reverse()),
    ];
    const outcomes = await Promise.allSettled(work.map((run) => run()));
    for (const outcome of outcomes) {
      // A reorder computed against a list that changed meanwhile is refused; nothing else may fail.
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ code: 'HIGHLIGHT_ORDER_MISMATCH' });
    }
    const rows = await storedHighlights(db.em(), id);
    expect(hasContiguousPositions(rows)).toBe(true);
    const stored = rows.map((row) => row.postId);
    expect([...stored].sort((x, y) => x - y)).toEqual([...posts.slice(8, 10), ...posts.slice(10)]);
  });
});
