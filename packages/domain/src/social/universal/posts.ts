// Posts and the feed: what a client sends and gets back.
import { z } from 'zod';
import type { DomainErrorDetails } from '../../shared/universal/domain-error.ts';
import { REACTION_KINDS } from './reactions.ts';

/** Code points, as the posts_body_length CHECK counts them. */
export const POST_MAX_LENGTH = 5000;
export const FEED_PAGE_MAX = 100;

export const postIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const pageCursorSchema = z.string().min(1).max(300);

export const createPostInputSchema = z.object({ body: z.string().max(POST_MAX_LENGTH * 4) });
export type CreatePostInput = z.infer<typeof createPostInputSchema>;

export const deletePostInputSchema = z.object({ postId: postIdSchema });

export const deletedPostSchema = z.object({ postId: z.number().int(), deleted: z.literal(true) });
export type DeletedPost = z.infer<typeof deletedPostSchema>;

export const feedInputSchema = z.object({
  /** From the previous page's `nextCursor`; absent for the first page. */
  cursor: pageCursorSchema.nullish(),
  limit: z.number().int().min(1).max(FEED_PAGE_MAX).default(20),
});
export type FeedInput = z.input<typeof feedInputSchema>;

/** Every kind, zero when nobody used it. */
export const reactionCountsSchema = z.record(z.enum(REACTION_KINDS), z.number().int());
export type ReactionCounts = z.infer<typeof reactionCountsSchema>;

export const feedPostSchema = z.object({
  id: z.number().int(),
  authorUsername: z.string(),
  body: z.string(),
  createdAt: z.date(),
  reactionCounts: reactionCountsSchema,
  /** The kinds the viewer reacted with. */
  myReactions: z.array(z.enum(REACTION_KINDS)),
});
export type FeedPost = z.infer<typeof feedPostSchema>;

export const feedPageSchema = z.object({
  items: z.array(feedPostSchema),
  nextCursor: z.string().nullable(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

export type PostBodyCheck =
  | { readonly ok: true; readonly body: string }
  | {
      readonly ok: false;
      readonly code: 'POST_EMPTY' | 'POST_TOO_LONG' | 'POST_CONTROL_CHARACTER';
      readonly message: string;
      readonly details: DomainErrorDetails;
    };

// Line breaks and tabs are a post's own; other control characters only corrupt what others read.
const FORBIDDEN_CONTROL = /[^\P{Cc}\n\t]/u;

/** NFC, Unix line breaks, trimmed; 1–5000 characters; no control characters but \n and \t. */
export function normalizePostBody(raw: string): PostBodyCheck {
  const body = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const details = { path: ['body'] };
  if (body === '') return { ok: false, code: 'POST_EMPTY', message: 'Write something first', details };
  if (FORBIDDEN_CONTROL.test(body) || /\p{Cs}/u.test(body)) {
    return {
      ok: false,
      code: 'POST_CONTROL_CHARACTER',
      message: 'The post contains characters that cannot be shown',
      details,
    };
  }
  const length = Array.from(body).length;
  if (length > POST_MAX_LENGTH) {
    return {
      ok: false,
      code: 'POST_TOO_LONG',
      message: `At most ${POST_MAX_LENGTH} characters`,
      details: { ...details, max: POST_MAX_LENGTH, actual: length },
    };
  }
  return { ok: true, body };
}
