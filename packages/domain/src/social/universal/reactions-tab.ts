// Reacting to posts, and the reactions tab: the posts a learner reacted to, newest reaction first.
import { z } from 'zod';
import { pageCursorSchema, postIdSchema } from './posts.ts';
import { REACTION_KINDS } from './reactions.ts';

export const REACTIONS_TAB_PAGE_MAX = 100;

export const reactInputSchema = z.object({ postId: postIdSchema, kind: z.enum(REACTION_KINDS) });
export type ReactInput = z.infer<typeof reactInputSchema>;

export const reactResultSchema = z.object({
  postId: z.number().int(),
  kind: z.enum(REACTION_KINDS),
  /** Whether the learner now has this reaction on the post. */
  reacted: z.boolean(),
  /** False for a repeat: reacting twice (or removing twice) changes nothing. */
  changed: z.boolean(),
});
export type ReactResult = z.infer<typeof reactResultSchema>;

export const reactionsTabInputSchema = z.object({
  cursor: pageCursorSchema.nullish(),
  limit: z.number().int().min(1).max(REACTIONS_TAB_PAGE_MAX).default(20),
});
export type ReactionsTabInput = z.input<typeof reactionsTabInputSchema>;

export const reactionsTabItemSchema = z.object({
  postId: z.number().int(),
  authorUsername: z.string(),
  body: z.string(),
  postCreatedAt: z.date(),
  /** The learner's newest reaction to this post: what the tab is ordered by. */
  reactedAt: z.date(),
  kinds: z.array(z.enum(REACTION_KINDS)),
});
export type ReactionsTabItem = z.infer<typeof reactionsTabItemSchema>;

export const reactionsTabPageSchema = z.object({
  items: z.array(reactionsTabItemSchema),
  nextCursor: z.string().nullable(),
});
export type ReactionsTabPage = z.infer<typeof reactionsTabPageSchema>;
