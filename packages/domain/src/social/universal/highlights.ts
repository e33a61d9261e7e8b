import { z } from 'zod';
import { postIdSchema } from './posts.ts';
import { MAX_HIGHLIGHTS } from './reactions.ts';

export const highlightInputSchema = z.object({ postId: postIdSchema });

export const reorderHighlightsInputSchema = z.object({
  /** Every current highlight, once each, in the new order (position = index). */
  postIds: z
    .array(postIdSchema)
    .max(MAX_HIGHLIGHTS)
    .refine((ids) => new Set(ids).size === ids.length, 'Each post may appear once'),
});
export type ReorderHighlightsInput = z.infer<typeof reorderHighlightsInputSchema>;

export const highlightSchema = z.object({
  postId: z.number().int(),
  position: z.number().int(),
  excerpt: z.string(),
  postCreatedAt: z.date(),
});
export type Highlight = z.infer<typeof highlightSchema>;

/** A learner's highlights in position order (0..n−1). */
export const highlightListSchema = z.array(highlightSchema);
