import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import type { FeedPost } from '../universal/posts.ts';
import { createPost, deletePost, getFeed } from './posts.ts';
import { react } from './reactions.ts';
import { newLearner } from './testing/social-factory.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();

async function wholeFeed(viewerId: number, limit: number): Promise<FeedPost[]> {
  const items: FeedPost[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const result = await getFeed(db.em(), viewerId, { cursor, limit });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the feed never ended');
}

describe('createPost', () => {
  it('stores the NFC, trimmed body and returns it with zero reactions', async () => {
    const { id, username } = await newLearner(db.em());
    const post = await createPost(db.em(), id, { body: '  Cafe\u0301 ☕ 👨‍👩‍👧‍👦\r\nsecond line  ' });
    expect(post).toMatchObject({
      authorUsername: username,
      body: 'Café ☕ 👨‍👩‍👧‍👦\nsecond line',
      reactionCounts: { like: 0, love: 0, celebrate: 0, insightful: 0, funny: 0 },
      myReactions: [],
    });
    const [stored] = await db
      .em()
      .execute<{ body: string }[]>('select body from posts where id = ?', [post.id]);
    expect(stored?.body).toBe(post.body);
  });

  it.each([
    ['   ', 'POST_EMPTY'],
    ['x'.repeat(5001), 'POST_TOO_LONG'],
    ['bell\u0007', 'POST_CONTROL_CHARACTER'],
  ])('refuses %j with %s and stores nothing', async (body, code) => {
    const { id } = await newLearner(db.em());
    expect(await domainErrorOf(createPost(db.em(), id, { body }))).toMatchObject({
      code,
      kind: 'BAD_INPUT',
      details: { path: ['body'] },
    });
    expect(await db.em().execute('select id from posts where author_id = ?', [id])).toEqual([]);
  });

  it('accepts 5000 characters of astral emoji (the CHECK counts code points)', async () => {
    const { id } = await newLearner(db.em());
    const post = await createPost(db.em(), id, { body: '😀'.repeat(5000) });
    expect(Array.from(post.body)).toHaveLength(5000);
  });
});

describe('deletePost', () => {
  it("lets only the author delete: another learner's post is FORBIDDEN, a missing one NOT_FOUND", async () => {
    const author = await newLearner(db.em());
    const other = await newLearner(db.em());
    const post = await createPost(db.em(), author.id, { body: 'mine' });
    expect(await domainErrorOf(deletePost(db.em(), other.id, post.id))).toMatchObject({
      code: 'POST_NOT_OWNED',
      kind: 'FORBIDDEN',
    });
    await deletePost(db.em(), author.id, post.id);
    expect(await domainErrorOf(deletePost(db.em(), author.id, post.id))).toMatchObject({
      code: 'POST_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
  });

  it('takes its reactions with it', async () => {
    const author = await newLearner(db.em());
    const fan = await newLearner(db.em());
    const post = await createPost(db.em(), author.id, { body: 'short-lived' });
    await react(db.em(), fan.id, post.id, 'love');
    await deletePost(db.em(), author.id, post.id);
    expect(await db.em().execute('select id from reactions where post_id = ?', [post.id])).toEqual([]);
  });
});

describe('getFeed', () => {
  it('pages newest first through posts created in the same instant, each exactly once', async () => {
    const author = await newLearner(db.em());
    // One transaction: now() is the same for every post, so only the id orders them.
    const created = await db.em().transactional(async (tx) => {
      const posts: FeedPost[] = [];
      for (let i = 0; i < 7; i += 1) posts.push(await createPost(tx, author.id, { body: `tie ${i}` }));
      return posts;
    });
    const later = await createPost(db.em(), author.id, { body: 'later' });
    for (const limit of [1, 2, 3, 100]) {
      const mine = (await wholeFeed(author.id, limit)).filter(
        (post) => post.authorUsername === author.username,
      );
      expect(mine.map((post) => post.id)).toEqual([later.id, ...created.map((post) => post.id).reverse()]);
    }
  });

  it('orders by microseconds, not the milliseconds a Date keeps', async () => {
    const author = await newLearner(db.em());
    const ids = await db.em().execute<{ id: string }[]>(
      `insert into posts (author_id, body, created_at)
       select ?, 'µs ' || n, timestamptz '2030-01-01 00:00:00.123000+00' + n * interval '1 microsecond'
         from generate_series(1, 5) n order by n returning id`,
      [author.id],
    );
    const mine = (await wholeFeed(author.id, 2)).filter((post) => post.authorUsername === author.username);
    expect(mine.map((post) => post.id)).toEqual(ids.map((row) => Number(row.id)).reverse());
  });

  it('counts reactions per kind and shows which are mine, in one page', async () => {
    const author = await newLearner(db.em());
    const [me, a, b] = [await newLearner(db.em()), await newLearner(db.em()), await newLearner(db.em())];
    const post = await createPost(db.em(), author.id, { body: 'react to me' });
    await react(db.em(), me.id, post.id, 'like');
    await react(db.em(), me.id, post.id, 'funny');
    await react(db.em(), a.id, post.id, 'like');
    await react(db.em(), b.id, post.id, 'like');
    await react(db.em(), b.id, post.id, 'love');
    const item = (await getFeed(db.em(), me.id, { limit: 100 })).items.find((p) => p.id === post.id);
    expect(item).toMatchObject({
      reactionCounts: { like: 3, love: 1, celebrate: 0, insightful: 0, funny: 1 },
      myReactions: ['funny', 'like'],
    });
  });

  it('hides the posts of deactivated learners and refuses a forged cursor', async () => {
    const author = await newLearner(db.em());
    const post = await createPost(db.em(), author.id, { body: 'soon hidden' });
    await db.em().execute('update users set is_active = false where id = ?', [author.id]);
    expect((await wholeFeed(author.id, 100)).some((p) => p.id === post.id)).toBe(false);
    expect(await domainErrorOf(getFeed(db.em(), author.id, { cursor: 'not-a-cursor' }))).toMatchObject({
      code: 'CURSOR_INVALID',
      kind: 'BAD_INPUT',
      details: { path: ['cursor'] },
    });
    // Well shaped, but no such day: refused before PostgreSQL's cast could fail on it.
    for (const at of [
      '2026-13-45T10:00:00.000000Z',
      '2026-02-30T10:00:00.000000Z',
      '0000-01-01T00:00:00.000000Z',
    ]) {
      const forged = Buffer.from(JSON.stringify({ at, id: post.id })).toString('base64url');
      expect(await domainErrorOf(getFeed(db.em(), author.id, { cursor: forged }))).toMatchObject({
        code: 'CURSOR_INVALID',
      });
    }
  });
});
