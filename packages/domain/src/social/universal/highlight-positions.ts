// A learner's highlighted posts as an ordered list: the index is the position, so positions are
// 0..n−1 with no gaps by construction. The services and the database trigger follow these rules;
// the tests check them against each other.
import type { DomainErrorDetails, DomainErrorKind } from '../../shared/universal/domain-error.ts';
import { MAX_HIGHLIGHTS } from './reactions.ts';

export type HighlightList = readonly number[];

export interface HighlightProblem {
  readonly code:
    | 'HIGHLIGHTS_FULL'
    | 'HIGHLIGHT_NOT_FOUND'
    | 'HIGHLIGHT_ORDER_MISMATCH'
    | 'HIGHLIGHT_POSITION_OUT_OF_RANGE';
  readonly kind: DomainErrorKind;
  readonly message: string;
  readonly details: DomainErrorDetails;
}

export type HighlightChange =
  | { readonly ok: true; readonly list: HighlightList; readonly changed: boolean }
  | { readonly ok: false; readonly problem: HighlightProblem };

const ok = (list: HighlightList, changed = true): HighlightChange => ({ ok: true, list, changed });
const refuse = (problem: HighlightProblem): HighlightChange => ({ ok: false, problem });

/** Appends at position n; highlighting a post twice changes nothing. */
export function appendHighlight(list: HighlightList, postId: number): HighlightChange {
  if (list.includes(postId)) return ok(list, false);
  if (list.length >= MAX_HIGHLIGHTS) {
    return refuse({
      code: 'HIGHLIGHTS_FULL',
      kind: 'PRECONDITION_FAILED',
      message: `You can highlight at most ${MAX_HIGHLIGHTS} posts: remove one first`,
      details: { path: ['postId'], max: MAX_HIGHLIGHTS },
    });
  }
  return ok([...list, postId]);
}

/** Removes a highlight; the ones after it move up one place. */
export function removeHighlight(list: HighlightList, postId: number): HighlightChange {
  if (!list.includes(postId)) {
    return refuse({
      code: 'HIGHLIGHT_NOT_FOUND',
      kind: 'NOT_FOUND',
      message: 'This post is not among your highlights',
      details: { path: ['postId'] },
    });
  }
  return ok(list.filter((id) => id !== postId));
}

/** A deleted post leaves the highlights it was in, whoever's they are; otherwise nothing moves. */
export function dropDeletedPost(list: HighlightList, postId: number): HighlightList {
  return list.filter((id) => id !== postId);
}

/** Moves the highlight at `from` to `to` (a drag and drop); the ones between shift by one. */
export function moveHighlight(list: HighlightList, from: number, to: number): HighlightChange {
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < list.length;
  if (!inRange(from) || !inRange(to)) {
    return refuse({
      code: 'HIGHLIGHT_POSITION_OUT_OF_RANGE',
      kind: 'BAD_INPUT',
      message: `Positions go from 0 to ${list.length - 1}`,
      details: { path: [inRange(from) ? 'to' : 'from'] },
    });
  }
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return ok(list, false);
  next.splice(to, 0, moved);
  return ok(next, from !== to);
}

/**
 * Accepts a new order only when it holds exactly the current highlights: a client that missed a
 * change (another tab added one) must reload rather than silently drop or revive highlights.
 */
export function reorderHighlights(list: HighlightList, requested: readonly number[]): HighlightChange {
  const current = new Set(list);
  const wanted = new Set(requested);
  const same =
    requested.length === list.length &&
    wanted.size === requested.length &&
    requested.every((id) => current.has(id));
  if (!same) {
    return refuse({
      code: 'HIGHLIGHT_ORDER_MISMATCH',
      kind: 'CONFLICT',
      message: 'The new order must list each of your current highlights exactly once: reload and try again',
      details: { path: ['postIds'] },
    });
  }
  return ok(
    [...requested],
    requested.some((id, i) => list[i] !== id),
  );
}

export interface PositionedHighlight {
  readonly postId: number;
  readonly position: number;
}

export const withPositions = (list: HighlightList): PositionedHighlight[] =>
  list.map((postId, position) => ({ postId, position }));

/** What the database trigger does after deletions: keep the order, close the gaps. */
export function compactPositions(rows: readonly PositionedHighlight[]): PositionedHighlight[] {
  return withPositions([...rows].sort((a, b) => a.position - b.position).map((row) => row.postId));
}

/** Positions are exactly 0..n−1, each post once, at most MAX_HIGHLIGHTS. */
export function hasContiguousPositions(rows: readonly PositionedHighlight[]): boolean {
  const positions = rows.map((row) => row.position).sort((a, b) => a - b);
  return (
    rows.length <= MAX_HIGHLIGHTS &&
    new Set(rows.map((row) => row.postId)).size === rows.length &&
    positions.every((position, i) => position === i)
  );
}
