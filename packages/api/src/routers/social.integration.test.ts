import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { countRows } from '@questline/domain/habits/server/testing/habit-fixtures';
import type { DomainError } from '@questline/domain/shared/universal/domain-error';
import { insertPosts } from '@questline/domain/social/server/testing/social-factory';
import type { FeedPage, FeedPost } from '@questline/domain/social/universal/posts';
import { describe, expect, it } from 'vitest';
import { expectBadInputAt } from '../testing/admin.ts';
import { callerFor, signedUpLearner, trpcErrorOf, type Caller } from '../testing/callers.ts';

const db = useTestDatabase();
const learner = () => signedUpLearner(db);

/** Every page of the feed with `limit` posts a page, only the author's posts kept. */
async function feedBy(caller: Caller, authorUsername: string, limit: number): Promise<FeedPost[]> {
  const posts: FeedPost[] = [];
  let page: FeedPage = await caller.social.feed({ limit });
  for (;;) {
    expect(page.items.length).toBeLessThanOrEqual(limit);
    posts.push(...page.items.filter((post) => post.authorUsername === authorUsername));
    if (!page.nextCursor) return posts;
    page = await caller.social.feed({ limit, cursor: page.nextCursor });
  }
}

describe('social router: posts and reactions', () => {
  it('publishes a post and pages the feed newest first without skipping or repeating', async () => {
    const author = await learner();
    const created = await author.caller.social.createPost({ body: '  Cafe\u0301 ☕\r\nline two ' });
    expect(created).toMatchObject({
      authorUsername: author.input.username,
      body: 'Café ☕\nline two',
      reactionCounts: { like: 0, love: 0 },
      myReactions: [],
    });
    const older = await insertPosts(db.em(), author.account.id, 6, new Date('2026-03-01T12:00:00Z'));
    const reader = await learner();
    const feed = await feedBy(reader.caller, author.input.username, 3);
    expect(feed.map((post) => post.id)).toEqual([created.id, ...older.reverse()]);
  });

  it('counts reactions per kind, shows the viewer’s own, and takes them back once', async () => {
    const author = await learner();
    const post = await author.caller.social.createPost({ body: 'React to me' });
    const fan = await learner();
    expect(await fan.caller.social.react({ postId: post.id, kind: 'love' })).toEqual({
      postId: post.id,
      kind: 'love',
      reacted: true,
      changed: true,
    });
    expect((await fan.caller.social.react({ postId: post.id, kind: 'love' })).changed).toBe(false);
    await author.caller.social.react({ postId: post.id, kind: 'love' });
    const [seen] = (await fan.caller.social.feed({ limit: 1 })).items;
    expect(seen).toMatchObject({ id: post.id, myReactions: ['love'] });
    expect(seen?.reactionCounts.love).toBe(2);

    expect((await fan.caller.social.unreact({ postId: post.id, kind: 'love' })).changed).toBe(true);
    expect((await fan.caller.social.unreact({ postId: post.id, kind: 'love' })).changed).toBe(false);
    expect(await countRows(db.em(), 'reactions', 'post_id = ?', [post.id])).toBe(1);
  });

  it('lists the posts the learner reacted to, newest reaction first, page by page', async () => {
    const author = await learner();
    const posts = await insertPosts(db.em(), author.account.id, 5);
    const fan = await learner();
    for (const postId of posts) await fan.caller.social.react({ postId, kind: 'like' });
    await fan.caller.social.react({ postId: posts[0] ?? 0, kind: 'funny' });

    const first = await fan.caller.social.reactionsTab({ limit: 3 });
    expect(first.items.map((item) => item.postId)).toEqual([posts[0], posts[4], posts[3]]);
    expect(first.items[0]?.kinds).toEqual(['funny', 'like']);
    const second = await fan.caller.social.reactionsTab({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((item) => item.postId)).toEqual([posts[2], posts[1]]);
    expect(second.nextCursor).toBeNull();
    expect((await author.caller.social.reactionsTab({})).items).toEqual([]);
  });

  it('deletes the author’s own post only: another learner is refused and the post stays', async () => {
    const author = await learner();
    const post = await author.caller.social.createPost({ body: 'Mine to delete' });
    await author.caller.social.react({ postId: post.id, kind: 'like' });
    const other = await learner();
    const refused = await trpcErrorOf(other.caller.social.deletePost({ postId: post.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((refused.cause as DomainError).code).toBe('POST_NOT_OWNED');
    expect(await countRows(db.em(), 'posts', 'id = ?', [post.id])).toBe(1);
    expect(await countRows(db.em(), 'reactions', 'post_id = ?', [post.id])).toBe(1);

    expect(await author.caller.social.deletePost({ postId: post.id })).toEqual({
      postId: post.id,
      deleted: true,
    });
    expect(await countRows(db.em(), 'posts', 'id = ?', [post.id])).toBe(0);
    const again = await trpcErrorOf(author.caller.social.deletePost({ postId: post.id }));
    expect(again.code).toBe('NOT_FOUND');
    const gone = await trpcErrorOf(other.caller.social.react({ postId: post.id, kind: 'like' }));
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const { caller, account } = await learner();
    await expectBadInputAt(caller.social.createPost({ body: '   ' }), ['body'], 'POST_EMPTY');
    await expectBadInputAt(
      caller.social.createPost({ body: 'a\u0007b' }),
      ['body'],
      'POST_CONTROL_CHARACTER',
    );
    await expectBadInputAt(caller.social.createPost({ body: 'x'.repeat(5001) }), ['body'], 'POST_TOO_LONG');
    await expectBadInputAt(caller.social.createPost({ body: 'x'.repeat(20_001) }), ['body']);
    await expectBadInputAt(caller.social.feed({ limit: 0 }), ['limit']);
    await expectBadInputAt(caller.social.feed({ cursor: 'not-a-cursor' }), ['cursor'], 'CURSOR_INVALID');
    await expectBadInputAt(
      caller.social.reactionsTab({ cursor: 'eyJ4IjoxfQ' }),
      ['cursor'],
      'CURSOR_INVALID',
    );
    const kind = 'angry' as 'like';
    await expectBadInputAt(caller.social.react({ postId: 1, kind }), ['kind']);
    await expectBadInputAt(caller.social.deletePost({ postId: 0 }), ['postId']);
    expect(await countRows(db.em(), 'posts', 'author_id = ?', [account.id])).toBe(0);
    expect(await countRows(db.em(), 'reactions', 'user_id = ?', [account.id])).toBe(0);
  });

  it('refuses every social procedure to an anonymous caller', async () => {
    const anonymous = await callerFor(db);
    const calls = [
      () => anonymous.social.feed({}),
      () => anonymous.social.createPost({ body: 'hi' }),
      () => anonymous.social.deletePost({ postId: 1 }),
      () => anonymous.social.react({ postId: 1, kind: 'like' }),
      () => anonymous.social.unreact({ postId: 1, kind: 'like' }),
      () => anonymous.social.reactionsTab({}),
      () => anonymous.social.highlights.list(),
      () => anonymous.social.highlights.add({ postId: 1 }),
      () => anonymous.social.highlights.remove({ postId: 1 }),
      () => anonymous.social.highlights.reorder({ postIds: [1] }),
    ];
    for (const call of calls) expect((await trpcErrorOf(call())).code).toBe('UNAUTHORIZED');
  });
});
