import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  reactInputSchema,
  reactionsTabInputSchema,
  type ReactionsTabInput,
  type ReactionsTabPage,
  type ReactResult,
} from '../universal/reactions-tab.ts';
import { REACTION_KINDS, REACTIONS_TAB_LIMIT, type ReactionKind } from '../universal/reactions.ts';
import { decodeCursor, encodeCursor, exactInstant, keysetSchema, type Keyset } from './keyset-cursor.ts';

/** Reacts to a post; reacting again with the same kind changes nothing (the unique key decides). */
export async function react(
  em: EntityManager,
  userId: number,
  postId: number,
  kind: ReactionKind,
): Promise<ReactResult> {
  const input = parseInput(reactInputSchema, { postId, kind });
  return em.transactional(async (tx) => {
    try {
      const inserted = await tx.execute<{ id: string }[]>(
        `insert into reactions (user_id, post_id, kind) select ?, p.id, ? from posts p where p.id = ?
         on conflict (user_id, post_id, kind) do nothing returning id`,
        [userId, input.kind, input.postId],
      );
      if (!inserted.length) await requirePost(tx, input.postId);
      return { postId: input.postId, kind: input.kind, reacted: true, changed: inserted.length > 0 };
    } catch (error) {
      // The post went between our read and the foreign-key check.
      if (error instanceof ForeignKeyConstraintViolationException) throw postNotFound();
      throw error;
    }
  });
}

/** Takes a reaction back; taking back one that is not there changes nothing. */
export async function unreact(
  em: EntityManager,
  userId: number,
  postId: number,
  kind: ReactionKind,
): Promise<ReactResult> {
  const input = parseInput(reactInputSchema, { postId, kind });
  return em.transactional(async (tx) => {
    const deleted = await tx.execute<{ id: string }[]>(
      'delete from reactions where user_id = ? and post_id = ? and kind = ? returning id',
      [userId, input.postId, input.kind],
    );
    if (!deleted.length) await requirePost(tx, input.postId);
    return { postId: input.postId, kind: input.kind, reacted: false, changed: deleted.length > 0 };
  });
}

// The tab covers the newest REACTIONS_TAB_LIMIT reactions: the oldest of them (the floor) is
// found on the first page and carried in the cursor, so later pages stay one index range scan.
const tabCursorSchema = keysetSchema.extend({ floor: keysetSchema.nullable() });

interface TabRow {
  id: string;
  at: string;
  reacted_at: Date;
  post_id: string;
  body: string;
  post_created_at: Date;
  author_username: string;
  kinds: string[];
}

const kindsSchema = z.array(z.enum(REACTION_KINDS));

/**
 * The posts the learner reacted to, newest reaction first (a post once, at its newest reaction),
 * within their last 8192 reactions; keyset-paginated on (created_at, id) along
 * ix_reactions_user_created.
 */
export async function getReactionsTab(
  em: EntityManager,
  userId: number,
  rawInput: ReactionsTabInput = {},
): Promise<ReactionsTabPage> {
  const input = parseInput(reactionsTabInputSchema, rawInput);
  const cursor = input.cursor ? decodeCursor(input.cursor, tabCursorSchema) : null;
  const floor = cursor ? cursor.floor : await findFloor(em, userId);
  const query = reactionsTabPageQuery(userId, cursor, floor, input.limit + 1);
  const rows = await em.execute<TabRow[]>(query.sql, query.params);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      postId: Number(row.post_id),
      authorUsername: row.author_username,
      body: row.body,
      postCreatedAt: new Date(row.post_created_at),
      reactedAt: new Date(row.reacted_at),
      kinds: kindsSchema.parse(row.kinds),
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ at: last.at, id: Number(last.id), floor }) : null,
  };
}

/** One page of the tab: a range scan of ix_reactions_user_created between cursor and floor. */
export function reactionsTabPageQuery(
  userId: number,
  after: Keyset | null,
  floor: Keyset | null,
  limit: number,
) {
  const bounds: string[] = [];
  const params: unknown[] = [userId];
  if (after) {
    bounds.push('and r.created_at <= ?::timestamptz and (r.created_at < ?::timestamptz or r.id < ?)');
    params.push(after.at, after.at, after.id);
  }
  if (floor) {
    bounds.push('and r.created_at >= ?::timestamptz and (r.created_at > ?::timestamptz or r.id >= ?)');
    params.push(floor.at, floor.at, floor.id);
  }
  params.push(limit);
  const sql = `select r.id, ${exactInstant('r.created_at')} as at, r.created_at as reacted_at, r.post_id,
            p.body, p.created_at as post_created_at, u.username as author_username,
            array(select k.kind from reactions k where k.user_id = r.user_id and k.post_id = r.post_id order by k.kind) as kinds
       from reactions r
       join posts p on p.id = r.post_id
       join users u on u.id = p.author_id
      where r.user_id = ? ${bounds.join(' ')}
        and u.is_active
        and not exists (
          select 1 from reactions n
           where n.user_id = r.user_id and n.post_id = r.post_id
             and (n.created_at > r.created_at or (n.created_at = r.created_at and n.id > r.id)))
      order by r.created_at desc, r.id desc
      limit ?`;
  return { sql, params };
}

/** The oldest of the learner's newest 8192 reactions (none while they have fewer). */
export function reactionsTabFloorQuery(userId: number) {
  return {
    sql: `select ${exactInstant('created_at')} as at, id from reactions where user_id = ?
           order by created_at desc, id desc offset ? limit 1`,
    params: [userId, REACTIONS_TAB_LIMIT - 1],
  };
}

async function findFloor(em: EntityManager, userId: number): Promise<Keyset | null> {
  const query = reactionsTabFloorQuery(userId);
  const [row] = await em.execute<{ at: string; id: string }[]>(query.sql, query.params);
  return row ? { at: row.at, id: Number(row.id) } : null;
}

async function requirePost(em: EntityManager, postId: number): Promise<void> {
  const rows = await em.execute<{ id: string }[]>('select id from posts where id = ?', [postId]);
  if (!rows.length) throw postNotFound();
}

const postNotFound = () =>
  new DomainError('POST_NOT_FOUND', 'NOT_FOUND', 'No such post', { path: ['postId'] });
