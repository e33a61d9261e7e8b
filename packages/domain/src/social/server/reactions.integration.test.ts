import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import type { ReactionsTabItem } from '../universal/reactions-tab.ts';
import { REACTIONS_TAB_LIMIT } from '../universal/reactions.ts';
import { deletePost } from './posts.ts';
import { getReactionsTab, react, unreact } from './reactions.ts';
import { insertPosts, newLearner } from './testing/social-factory.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();

async function wholeTab(userId: number, limit: number): Promise<ReactionsTabItem[]> {
  const items: ReactionsTabItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page += 1) {
    const result = await getReactionsTab(db.em(), userId, { cursor, limit });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the tab never ended');
}

const reactionCount = async (userId: number) =>
  Number(
    (
      await db
        .em()
        .execute<{ n: string }[]>('select count(*) as n from reactions where user_id = ?', [userId])
    )[0]?.n,
  );

describe('react and unreact', () => {
  it('reacting twice stores one reaction; 20 concurrent identical reactions store one', async () => {
    const author = await newLearner(db.em());
    const me = await newLearner(db.em());
    const [post] = await insertPosts(db.em(), author.id, 1);
    const postId = post ?? 0;
    expect(await react(db.em(), me.id, postId, 'like')).toEqual({
      postId,
      kind: 'like',
      reacted: true,
      changed: true,
    });
    expect(await react(db.em(), me.id, postId, 'like')).toMatchObject({ reacted: true, changed: false });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => react(db.em(), me.id, postId, 'love')),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await reactionCount(me.id)).toBe(2);
    expect(await unreact(db.em(), me.id, postId, 'like')).toMatchObject({ reacted: false, changed: true });
    expect(await unreact(db.em(), me.id, postId, 'like')).toMatchObject({ reacted: false, changed: false });
    expect(await reactionCount(me.id)).toBe(1);
  });

  it('refuses a missing post and an unknown kind, storing nothing', async () => {
    const me = await newLearner(db.em());
    expect(await domainErrorOf(react(db.em(), me.id, 9_999_999, 'like'))).toMatchObject({
      code: 'POST_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    expect(await domainErrorOf(unreact(db.em(), me.id, 9_999_999, 'like'))).toMatchObject({
      code: 'POST_NOT_FOUND',
    });
    const author = await newLearner(db.em());
    const [post] = await insertPosts(db.em(), author.id, 1);
    const kind = 'angry' as Parameters<typeof react>[3];
    expect(await domainErrorOf(react(db.em(), me.id, post ?? 0, kind))).toMatchObject({
      code: 'BAD_INPUT',
      details: { path: ['kind'] },
    });
    expect(await reactionCount(me.id)).toBe(0);
  });
});

describe('getReactionsTab', () => {
  it('lists each post once at my newest reaction to it, newest first, with my kinds', async () => {
    const author = await newLearner(db.em());
    const me = await newLearner(db.em());
    const [a, b, c] = (await insertPosts(db.em(), author.id, 3)).map((id) => id);
    await react(db.em(), me.id, a ?? 0, 'like');
    await react(db.em(), me.id, b ?? 0, 'like');
    await react(db.em(), me.id, c ?? 0, 'funny');
    await react(db.em(), me.id, a ?? 0, 'love'); // a moves to the top
    const tab = await wholeTab(me.id, 10);
    expect(tab.map((item) => [item.postId, item.kinds])).toEqual([
      [a, ['like', 'love']],
      [c, ['funny']],
      [b, ['like']],
    ]);
    expect(tab[0]).toMatchObject({ authorUsername: author.username, body: 'Post number 1' });
    await deletePost(db.em(), author.id, c ?? 0);
    expect((await wholeTab(me.id, 10)).map((item) => item.postId)).toEqual([a, b]);
  });

  it('pages through reactions with equal created_at by id, each post exactly once', async () => {
    const author = await newLearner(db.em());
    const me = await newLearner(db.em());
    const posts = await insertPosts(db.em(), author.id, 9);
    // Three transactions of three reactions each: within one, now() ties.
    for (const group of [posts.slice(0, 3), posts.slice(3, 6), posts.slice(6)]) {
      await db.em().transactional(async (tx) => {
        for (const post of group) await react(tx, me.id, post, 'insightful');
      });
    }
    const instants = await db
      .em()
      .execute<{ n: string }[]>('select count(distinct created_at) as n from reactions where user_id = ?', [
        me.id,
      ]);
    expect(Number(instants[0]?.n)).toBe(3);
    const expected = [...posts].reverse(); // ids grow with insertion inside each tie
    for (const limit of [1, 2, 4, 9, 20]) {
      expect((await wholeTab(me.id, limit)).map((item) => item.postId)).toEqual(expected);
    }
  });

  it("shows only my reactions, never another learner's", async () => {
    const author = await newLearner(db.em());
    const me = await newLearner(db.em());
    const other = await newLearner(db.em());
    const [mine, theirs] = await insertPosts(db.em(), author.id, 2);
    await react(db.em(), me.id, mine ?? 0, 'like');
    await react(db.em(), other.id, theirs ?? 0, 'like');
    expect((await wholeTab(me.id, 10)).map((item) => item.postId)).toEqual([mine]);
  });

  it(`covers only the last ${REACTIONS_TAB_LIMIT} reactions`, async () => {
    const author = await newLearner(db.em());
    const me = await newLearner(db.em());
    const posts = await insertPosts(db.em(), author.id, 2100);
    // 4 reactions per post, one second apart, every post's newest ('funny') last of all.
    await db.em().execute(
      `insert into reactions (user_id, post_id, kind, created_at)
       select ?, p.id, k.kind, timestamptz '2026-01-01' + (row_number() over (order by k.ord, p.id)) * interval '1 second'
         from posts p cross join (values ('like', 1), ('love', 2), ('celebrate', 3), ('funny', 4)) as k(kind, ord)
        where p.author_id = ?`,
      [me.id, author.id],
    );
    expect(await reactionCount(me.id)).toBe(8400);
    const tab = await wholeTab(me.id, 100);
    // Each post once, at its newest reaction ('funny'), which all lie within the last 8192.
    expect(tab).toHaveLength(2100);
    expect(tab.every((item) => item.kinds.length === 4)).toBe(true);
    // One reaction per post now: the 2100 oldest likes, then 6392 newer ones on new posts.
    await db.em().execute(`delete from reactions where user_id = ? and kind <> 'like'`, [me.id]);
    const extra = await insertPosts(db.em(), author.id, REACTIONS_TAB_LIMIT + 300 - 2100);
    await db.em().execute(
      `insert into reactions (user_id, post_id, kind, created_at)
       select ?, p, 'like', timestamptz '2027-01-01' + n * interval '1 second'
         from unnest(?::bigint[]) with ordinality as x(p, n)`,
      [me.id, `{${extra.join(',')}}`],
    );
    expect(await reactionCount(me.id)).toBe(REACTIONS_TAB_LIMIT + 300);
    const limited = await wholeTab(me.id, 100);
    expect(limited).toHaveLength(REACTIONS_TAB_LIMIT);
    // The 300 oldest (the first 300 of the original posts) are the ones left out.
    expect(new Set(limited.map((item) => item.postId))).toEqual(new Set([...posts.slice(300), ...extra]));
    expect(limited[0]?.postId).toBe(extra.at(-1));
  }, 60_000);
});
