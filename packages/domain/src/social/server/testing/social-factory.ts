import type { EntityManager } from '@mikro-orm/postgresql';
import { createAccount } from '../../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../../identity/server/testing/account-factory.ts';

/** A new learner (with a game profile); returns the id and the unique username. */
export async function newLearner(em: EntityManager, now = new Date('2026-03-01T12:00:00Z')) {
  const user = await createAccount(em, uniqueSignUpInput(), now);
  return { id: user.id, username: user.username };
}

/** `count` posts by the author in one statement, oldest first, one second apart from `from`. */
export async function insertPosts(
  em: EntityManager,
  authorId: number,
  count: number,
  from = new Date('2026-03-01T12:00:00Z'),
): Promise<number[]> {
  const rows = await em.execute<{ id: string }[]>(
    `insert into posts (author_id, body, created_at)
     select ?, 'Post number ' || n, ?::timestamptz + n * interval '1 second' from generate_series(1, ?) as n
     order by n returning id`,
    [authorId, from, count],
  );
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** The stored (post, position) rows of a user's highlights, in position order. */
export async function storedHighlights(em: EntityManager, userId: number) {
  const rows = await em.execute<{ post_id: string; position: number }[]>(
    'select post_id, position from user_highlights where user_id = ? order by position',
    [userId],
  );
  return rows.map((row) => ({ postId: Number(row.post_id), position: row.position }));
}
