import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { excerptOf } from '../universal/excerpt.ts';
import {
  appendHighlight,
  removeHighlight as removeFromList,
  reorderHighlights as reorderList,
  type HighlightChange,
} from '../universal/highlight-positions.ts';
import {
  highlightInputSchema,
  reorderHighlightsInputSchema,
  type Highlight,
} from '../universal/highlights.ts';
import { lockHighlightOwner } from './lock-owner.ts';

/** The learner's highlights in order, with post excerpts. */
export async function listHighlights(em: EntityManager, userId: number): Promise<Highlight[]> {
  const rows = await em.execute<{ post_id: string; position: number; body: string; created_at: Date }[]>(
    `select h.post_id, h.position, left(p.body, 600) as body, p.created_at
       from user_highlights h join posts p on p.id = h.post_id
      where h.user_id = ? order by h.position`,
    [userId],
  );
  return rows.map((row) => ({
    postId: Number(row.post_id),
    position: row.position,
    excerpt: excerptOf(row.body),
    postCreatedAt: new Date(row.created_at),
  }));
}

/** Highlights one of the learner's own posts at the end; highlighting it again changes nothing. */
export async function addHighlight(em: EntityManager, userId: number, postId: number): Promise<Highlight[]> {
  const input = parseInput(highlightInputSchema, { postId });
  return em.transactional(async (tx) => {
    await lockHighlightOwner(tx, userId);
    // KEY SHARE: the post cannot be deleted between this check and the insert.
    const [post] = await tx.execute<{ author_id: string }[]>(
      'select author_id from posts where id = ? for key share',
      [input.postId],
    );
    if (!post) throw postNotFound();
    if (Number(post.author_id) !== userId) {
      throw new DomainError('POST_NOT_OWNED', 'FORBIDDEN', 'You can highlight only your own posts', {
        path: ['postId'],
      });
    }
    const current = await readOrder(tx, userId);
    const change = orThrow(appendHighlight(current, input.postId));
    if (change.changed) {
      await tx.execute('insert into user_highlights (user_id, post_id, position) values (?, ?, ?)', [
        userId,
        input.postId,
        current.length,
      ]);
    }
    return listHighlights(tx, userId);
  });
}

/** Removes a highlight; the database trigger moves the later ones up (positions stay 0..n−1). */
export async function removeHighlight(
  em: EntityManager,
  userId: number,
  postId: number,
): Promise<Highlight[]> {
  const input = parseInput(highlightInputSchema, { postId });
  return em.transactional(async (tx) => {
    await lockHighlightOwner(tx, userId);
    orThrow(removeFromList(await readOrder(tx, userId), input.postId));
    await tx.execute('delete from user_highlights where user_id = ? and post_id = ?', [userId, input.postId]);
    return listHighlights(tx, userId);
  });
}

/**
 * Puts the highlights in the given order (all of them, each once) with one UPDATE. The
 * (user, position) key is deferred to commit, so positions can swap without a parking value.
 */
export async function reorderHighlights(
  em: EntityManager,
  userId: number,
  postIds: readonly number[],
): Promise<Highlight[]> {
  const input = parseInput(reorderHighlightsInputSchema, { postIds });
  return em.transactional(async (tx) => {
    await lockHighlightOwner(tx, userId);
    const change = orThrow(reorderList(await readOrder(tx, userId), input.postIds));
    if (change.changed) {
      await tx.execute('set constraints user_highlights_user_position_unique deferred');
      await tx.execute(
        `update user_highlights h
            set position = o.ordinality - 1
           from unnest(?::bigint[]) with ordinality as o(post_id, ordinality)
          where h.user_id = ? and h.post_id = o.post_id and h.position <> o.ordinality - 1`,
        [`{${change.list.join(',')}}`, userId],
      );
    }
    return listHighlights(tx, userId);
  });
}

async function readOrder(em: EntityManager, userId: number): Promise<number[]> {
  const rows = await em.execute<{ post_id: string }[]>(
    'select post_id from user_highlights where user_id = ? order by position',
    [userId],
  );
  return rows.map((row) => Number(row.post_id));
}

function orThrow(change: HighlightChange): Extract<HighlightChange, { ok: true }> {
  if (change.ok) return change;
  const { code, kind, message, details } = change.problem;
  throw new DomainError(code, kind, message, details);
}

const postNotFound = () =>
  new DomainError('POST_NOT_FOUND', 'NOT_FOUND', 'No such post', { path: ['postId'] });
