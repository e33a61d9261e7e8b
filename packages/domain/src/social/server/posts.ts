import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createPostInputSchema,
  deletePostInputSchema,
  feedInputSchema,
  normalizePostBody,
  reactionCountsSchema,
  type CreatePostInput,
  type DeletedPost,
  type FeedInput,
  type FeedPage,
  type FeedPost,
} from '../universal/posts.ts';
import { REACTION_KINDS } from '../universal/reactions.ts';
import { decodeCursor, encodeCursor, exactInstant, keysetSchema } from './keyset-cursor.ts';
import { lockHighlightOwner } from './lock-owner.ts';

interface FeedRow {
  id: string;
  author_username: string;
  body: string;
  created_at: Date;
  at: string;
  counts: Record<string, number> | null;
  mine: string[];
}

const kindsSchema = z.array(z.enum(REACTION_KINDS));
const zeroCounts = Object.fromEntries(REACTION_KINDS.map((kind) => [kind, 0]));

const toFeedPost = (row: FeedRow): FeedPost => ({
  id: Number(row.id),
  authorUsername: row.author_username,
  body: row.body,
  createdAt: new Date(row.created_at),
  reactionCounts: reactionCountsSchema.parse({ ...zeroCounts, ...row.counts }),
  myReactions: kindsSchema.parse(row.mine),
});

/** Publishes a post (NFC, trimmed, 1–5000 characters) by an active learner. */
export async function createPost(
  em: EntityManager,
  userId: number,
  rawInput: CreatePostInput,
): Promise<FeedPost> {
  const input = parseInput(createPostInputSchema, rawInput);
  const checked = normalizePostBody(input.body);
  if (!checked.ok) throw new DomainError(checked.code, 'BAD_INPUT', checked.message, checked.details);
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<FeedRow[]>(
      `with inserted as (
         insert into posts (author_id, body) select u.id, ? from users u where u.id = ? and u.is_active
         returning id, author_id, body, created_at)
       select i.id, u.username as author_username, i.body, i.created_at, ${exactInstant('i.created_at')} as at,
              null as counts, '{}'::text[] as mine
         from inserted i join users u on u.id = i.author_id`,
      [checked.body, userId],
    );
    if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such active user');
    return toFeedPost(row);
  });
}

/**
 * Deletes one of the learner's own posts, with its reactions and highlights (ON DELETE CASCADE;
 * the trigger closes the gap in the highlight positions).
 */
export async function deletePost(em: EntityManager, userId: number, postId: number): Promise<DeletedPost> {
  const input = parseInput(deletePostInputSchema, { postId });
  return em.transactional(async (tx) => {
    await lockHighlightOwner(tx, userId);
    const [post] = await tx.execute<{ author_id: string }[]>(
      'select author_id from posts where id = ? for update',
      [input.postId],
    );
    if (!post) throw new DomainError('POST_NOT_FOUND', 'NOT_FOUND', 'No such post', { path: ['postId'] });
    if (Number(post.author_id) !== userId) {
      throw new DomainError('POST_NOT_OWNED', 'FORBIDDEN', 'You can delete only your own posts', {
        path: ['postId'],
      });
    }
    await tx.execute('delete from posts where id = ?', [input.postId]);
    return { postId: input.postId, deleted: true as const };
  });
}

/**
 * Everyone's posts, newest first, keyset-paginated on (created_at, id), each with its reaction
 * counts per kind and the viewer's own reactions, in one query.
 */
export async function getFeed(
  em: EntityManager,
  viewerId: number,
  rawInput: FeedInput = {},
): Promise<FeedPage> {
  const input = parseInput(feedInputSchema, rawInput);
  const after = input.cursor ? decodeCursor(input.cursor, keysetSchema) : null;
  const rows = await em.execute<FeedRow[]>(
    `select p.id, u.username as author_username, p.body, p.created_at, ${exactInstant('p.created_at')} as at,
            (select jsonb_object_agg(c.kind, c.n)
               from (select r.kind, count(*)::int as n from reactions r where r.post_id = p.id group by r.kind) c) as counts,
            array(select r.kind from reactions r where r.post_id = p.id and r.user_id = ? order by r.kind) as mine
       from posts p join users u on u.id = p.author_id
      where u.is_active
        ${after ? 'and p.created_at <= ?::timestamptz and (p.created_at < ?::timestamptz or p.id < ?)' : ''}
      order by p.created_at desc, p.id desc
      limit ?`,
    [viewerId, ...(after ? [after.at, after.at, after.id] : []), input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toFeedPost),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at, id: Number(last.id) }) : null,
  };
}
