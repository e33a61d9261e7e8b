import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { insertPosts, storedHighlights } from '@questline/domain/social/server/testing/social-factory';
import { describe, expect, it } from 'vitest';
import { expectBadInputAt } from '../testing/admin.ts';
import { signedUpLearner, trpcErrorOf } from '../testing/callers.ts';

const db = useTestDatabase();

/** A learner with `count` posts of their own. */
async function learnerWithPosts(count: number) {
  const learner = await signedUpLearner(db);
  return { ...learner, posts: await insertPosts(db.em(), learner.account.id, count) };
}

const codesOf = (error: { code: string; cause?: unknown }) => [
  error.code,
  error.cause instanceof DomainError ? error.cause.code : undefined,
];

describe('social.highlights', () => {
  it('adds, reorders and removes the learner’s own highlights, positions always 0..n−1', async () => {
    const { caller, account, posts } = await learnerWithPosts(4);
    const [a = 0, b = 0, c = 0, d = 0] = posts;
    for (const postId of [a, b, c]) await caller.social.highlights.add({ postId });
    const again = await caller.social.highlights.add({ postId: a });
    expect(again.map((h) => [h.postId, h.position])).toEqual([
      [a, 0],
      [b, 1],
      [c, 2],
    ]);
    expect(again[0]?.excerpt).toMatch(/^Post number/);

    const reordered = await caller.social.highlights.reorder({ postIds: [c, a, b] });
    expect(reordered.map((h) => h.postId)).toEqual([c, a, b]);
    const removed = await caller.social.highlights.remove({ postId: a });
    expect(removed.map((h) => [h.postId, h.position])).toEqual([
      [c, 0],
      [b, 1],
    ]);
    // Deleting a highlighted post closes the gap too.
    await caller.social.highlights.add({ postId: d });
    await caller.social.deletePost({ postId: b });
    expect(await caller.social.highlights.list()).toEqual(
      (await storedHighlights(db.em(), account.id)).map((row) => expect.objectContaining(row)),
    );
    expect(await storedHighlights(db.em(), account.id)).toEqual([
      { postId: c, position: 0 },
      { postId: d, position: 1 },
    ]);
  });

  it('refuses to take, reorder or remove another learner’s highlights, which stay as they were', async () => {
    const owner = await learnerWithPosts(3);
    const [a = 0, b = 0, c = 0] = owner.posts;
    await owner.caller.social.highlights.add({ postId: a });
    await owner.caller.social.highlights.add({ postId: b });
    const before = await storedHighlights(db.em(), owner.account.id);
    const intruder = await learnerWithPosts(1);
    const [own = 0] = intruder.posts;

    const taken = await trpcErrorOf(intruder.caller.social.highlights.add({ postId: c }));
    expect(codesOf(taken)).toEqual(['FORBIDDEN', 'POST_NOT_OWNED']);
    const reordered = await trpcErrorOf(intruder.caller.social.highlights.reorder({ postIds: [b, a] }));
    expect(codesOf(reordered)).toEqual(['CONFLICT', 'HIGHLIGHT_ORDER_MISMATCH']);
    const removed = await trpcErrorOf(intruder.caller.social.highlights.remove({ postId: a }));
    expect(codesOf(removed)).toEqual(['NOT_FOUND', 'HIGHLIGHT_NOT_FOUND']);

    expect(await intruder.caller.social.highlights.list()).toEqual([]);
    await intruder.caller.social.highlights.add({ postId: own });
    expect(await storedHighlights(db.em(), owner.account.id)).toEqual(before);
    expect(await storedHighlights(db.em(), intruder.account.id)).toEqual([{ postId: own, position: 0 }]);
  });

  it('refuses a reorder that misses a highlight or names one twice, changing nothing', async () => {
    const { caller, account, posts } = await learnerWithPosts(2);
    const [a = 0, b = 0] = posts;
    await caller.social.highlights.add({ postId: a });
    await caller.social.highlights.add({ postId: b });
    const before = await storedHighlights(db.em(), account.id);

    const partial = await trpcErrorOf(caller.social.highlights.reorder({ postIds: [b] }));
    expect(codesOf(partial)).toEqual(['CONFLICT', 'HIGHLIGHT_ORDER_MISMATCH']);
    await expectBadInputAt(caller.social.highlights.reorder({ postIds: [b, b] }), ['postIds']);
    await expectBadInputAt(caller.social.highlights.add({ postId: -3 }), ['postId']);
    const missing = await trpcErrorOf(caller.social.highlights.add({ postId: 9_000_000_000 }));
    expect(codesOf(missing)).toEqual(['NOT_FOUND', 'POST_NOT_FOUND']);
    expect(await storedHighlights(db.em(), account.id)).toEqual(before);
  });
});
