import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { hasContiguousPositions } from '../universal/highlight-positions.ts';
import { MAX_HIGHLIGHTS } from '../universal/reactions.ts';
import { addHighlight, listHighlights, removeHighlight, reorderHighlights } from './highlights.ts';
import { deletePost } from './posts.ts';
import { insertPosts, newLearner, storedHighlights } from './testing/social-factory.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();

async function expectContiguous(userId: number): Promise<number[]> {
  const rows = await storedHighlights(db.em(), userId);
  expect(hasContiguousPositions(rows), JSON.stringify(rows)).toBe(true);
  return rows.map((row) => row.postId);
}

describe('addHighlight', () => {
  it('appends at positions 0..n−1 and returns the list with excerpts; a repeat changes nothing', async () => {
    const { id } = await newLearner(db.em());
    const [a, b, c] = await insertPosts(db.em(), id, 3);
    for (const post of [b, a, c]) await addHighlight(db.em(), id, post ?? 0);
    const list = await addHighlight(db.em(), id, a ?? 0);
    expect(list.map((h) => [h.postId, h.position])).toEqual([
      [b, 0],
      [a, 1],
      [c, 2],
    ]);
    expect(list[0]?.excerpt).toBe('Post number 2');
    expect(await expectContiguous(id)).toEqual([b, a, c]);
  });

  it("refuses another learner's post (FORBIDDEN) and a missing one (NOT_FOUND), changing nothing", async () => {
    const me = await newLearner(db.em());
    const other = await newLearner(db.em());
    const [theirs] = await insertPosts(db.em(), other.id, 1);
    const notMine = await domainErrorOf(addHighlight(db.em(), me.id, theirs ?? 0));
    expect(notMine).toMatchObject({
      code: 'POST_NOT_OWNED',
      kind: 'FORBIDDEN',
      details: { path: ['postId'] },
    });
    const missing = await domainErrorOf(addHighlight(db.em(), me.id, 9_999_999));
    expect(missing).toMatchObject({ code: 'POST_NOT_FOUND', kind: 'NOT_FOUND' });
    const invalid = await domainErrorOf(addHighlight(db.em(), me.id, -1));
    expect(invalid).toMatchObject({ code: 'BAD_INPUT', kind: 'BAD_INPUT', details: { path: ['postId'] } });
    expect(await storedHighlights(db.em(), me.id)).toEqual([]);
  });

  it(`holds at most ${MAX_HIGHLIGHTS}: the next is HIGHLIGHTS_FULL`, async () => {
    const { id } = await newLearner(db.em());
    const posts = await insertPosts(db.em(), id, MAX_HIGHLIGHTS + 1);
    for (const post of posts.slice(0, MAX_HIGHLIGHTS)) await addHighlight(db.em(), id, post);
    const full = await domainErrorOf(addHighlight(db.em(), id, posts[MAX_HIGHLIGHTS] ?? 0));
    expect(full).toMatchObject({ code: 'HIGHLIGHTS_FULL', kind: 'PRECONDITION_FAILED' });
    expect(await expectContiguous(id)).toEqual(posts.slice(0, MAX_HIGHLIGHTS));
    // Still idempotent when full.
    expect(await addHighlight(db.em(), id, posts[0] ?? 0)).toHaveLength(MAX_HIGHLIGHTS);
  });

  it('20 concurrent adds give 20 distinct positions 0..19, none lost', async () => {
    const { id } = await newLearner(db.em());
    const posts = await insertPosts(db.em(), id, 20);
    await Promise.all(posts.map((post) => addHighlight(db.em(), id, post)));
    const stored = await expectContiguous(id);
    expect([...stored].sort((x, y) => x - y)).toEqual(posts);
  });

  it('concurrent adds at the limit stop at exactly 128', async () => {
    const { id } = await newLearner(db.em());
    const posts = await insertPosts(db.em(), id, MAX_HIGHLIGHTS + 8);
    for (const post of posts.slice(0, MAX_HIGHLIGHTS - 2)) await addHighlight(db.em(), id, post);
    const outcomes = await Promise.allSettled(
      posts.slice(MAX_HIGHLIGHTS - 2).map((post) => addHighlight(db.em(), id, post)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'HIGHLIGHTS_FULL' });
    }
    expect(await expectContiguous(id)).toHaveLength(MAX_HIGHLIGHTS);
  });
});

describe('removeHighlight', () => {
  it('closes the gap', async () => {
    const { id } = await newLearner(db.em());
    const [a, b, c, d] = await insertPosts(db.em(), id, 4);
    for (const post of [a, b, c, d]) await addHighlight(db.em(), id, post ?? 0);
    const list = await removeHighlight(db.em(), id, b ?? 0);
    expect(list.map((h) => [h.postId, h.position])).toEqual([
      [a, 0],
      [c, 1],
      [d, 2],
    ]);
  });

  it("cannot touch another learner's highlight: NOT_FOUND, theirs unchanged", async () => {
    const me = await newLearner(db.em());
    const other = await newLearner(db.em());
    const [theirs] = await insertPosts(db.em(), other.id, 1);
    await addHighlight(db.em(), other.id, theirs ?? 0);
    const error = await domainErrorOf(removeHighlight(db.em(), me.id, theirs ?? 0));
    expect(error).toMatchObject({ code: 'HIGHLIGHT_NOT_FOUND', kind: 'NOT_FOUND' });
    expect(await storedHighlights(db.em(), other.id)).toEqual([{ postId: theirs, position: 0 }]);
  });
});

describe('reorderHighlights', () => {
  it('swaps positions in one statement under the deferred unique key', async () => {
    const { id } = await newLearner(db.em());
    const [a, b, c] = (await insertPosts(db.em(), id, 3)).map(Number);
    for (const post of [a, b, c]) await addHighlight(db.em(), id, post ?? 0);
    const swapped = await reorderHighlights(db.em(), id, [c ?? 0, b ?? 0, a ?? 0]);
    expect(swapped.map((h) => h.postId)).toEqual([c, b, a]);
    const rotated = await reorderHighlights(db.em(), id, [b ?? 0, a ?? 0, c ?? 0]);
    expect(rotated.map((h) => h.postId)).toEqual([b, a, c]);
    expect(await expectContiguous(id)).toEqual([b, a, c]);
  });

  it('refuses an order that is not exactly the current highlights, changing nothing', async () => {
    const me = await newLearner(db.em());
    const other = await newLearner(db.em());
    const [a, b] = await insertPosts(db.em(), me.id, 2);
    const [theirs] = await insertPosts(db.em(), other.id, 1);
    await addHighlight(db.em(), me.id, a ?? 0);
    await addHighlight(db.em(), me.id, b ?? 0);
    await addHighlight(db.em(), other.id, theirs ?? 0);
    for (const order of [[b], [b, theirs], [b, a, theirs]]) {
      const error = await domainErrorOf(reorderHighlights(db.em(), me.id, order.map(Number)));
      expect(error).toMatchObject({ code: 'HIGHLIGHT_ORDER_MISMATCH', kind: 'CONFLICT' });
    }
    const repeated = await domainErrorOf(reorderHighlights(db.em(), me.id, [a ?? 0, a ?? 0]));
    expect(repeated).toMatchObject({ code: 'BAD_INPUT', details: { path: ['postIds'] } });
    expect(await expectContiguous(me.id)).toEqual([a, b]);
    expect(await expectContiguous(other.id)).toEqual([theirs]);
  });
});

describe('positions after a post is deleted', () => {
  it('the trigger closes the gap when deletePost cascades, and after a multi-row delete', async () => {
    const { id } = await newLearner(db.em());
    const posts = await insertPosts(db.em(), id, 6);
    for (const post of posts) await addHighlight(db.em(), id, post);
    await deletePost(db.em(), id, posts[2] ?? 0);
    expect(await expectContiguous(id)).toEqual([posts[0], posts[1], posts[3], posts[4], posts[5]]);
    // Several posts in one statement, bypassing the services.
    await db.em().execute('delete from posts where id in (?, ?)', [posts[0], posts[4]]);
    expect(await expectContiguous(id)).toEqual([posts[1], posts[3], posts[5]]);
    expect((await listHighlights(db.em(), id)).map((h) => h.position)).toEqual([0, 1, 2]);
  });

  it('a reorder and a deletion in one transaction (constraint deferred) still end contiguous', async () => {
    const { id } = await newLearner(db.em());
    const [a, b, c] = await insertPosts(db.em(), id, 3);
    for (const post of [a, b, c]) await addHighlight(db.em(), id, post ?? 0);
    await db.em().transactional(async (tx) => {
      await reorderHighlights(tx, id, [c ?? 0, a ?? 0, b ?? 0]);
      await tx.execute('delete from posts where id = ?', [c]);
    });
    expect(await expectContiguous(id)).toEqual([a, b]);
  });

  it('deleting a learner removes their highlights without disturbing anyone else', async () => {
    const gone = await newLearner(db.em());
    const stays = await newLearner(db.em());
    const [g] = await insertPosts(db.em(), gone.id, 1);
    const [s1, s2] = await insertPosts(db.em(), stays.id, 2);
    await addHighlight(db.em(), gone.id, g ?? 0);
    await addHighlight(db.em(), stays.id, s1 ?? 0);
    await addHighlight(db.em(), stays.id, s2 ?? 0);
    await db.em().execute('delete from users where id = ?', [gone.id]);
    expect(await storedHighlights(db.em(), gone.id)).toEqual([]);
    expect(await expectContiguous(stays.id)).toEqual([s1, s2]);
  });
});
