import {
  addHighlight,
  listHighlights,
  removeHighlight,
  reorderHighlights,
} from '@questline/domain/social/server/highlights';
import { createPost, deletePost, getFeed } from '@questline/domain/social/server/posts';
import { getReactionsTab, react, unreact } from '@questline/domain/social/server/reactions';
import {
  highlightInputSchema,
  highlightListSchema,
  reorderHighlightsInputSchema,
} from '@questline/domain/social/universal/highlights';
import {
  createPostInputSchema,
  deletedPostSchema,
  deletePostInputSchema,
  feedInputSchema,
  feedPageSchema,
  feedPostSchema,
} from '@questline/domain/social/universal/posts';
import {
  reactInputSchema,
  reactionsTabInputSchema,
  reactionsTabPageSchema,
  reactResultSchema,
} from '@questline/domain/social/universal/reactions-tab';
import { protectedProcedure, router } from '../trpc.ts';

// The learner's own highlights: each procedure acts on ctx.user's list only, and only their own
// posts can join it.
const highlightsRouter = router({
  list: protectedProcedure
    .output(highlightListSchema)
    .query(({ ctx }) => listHighlights(ctx.em, ctx.user.id)),

  add: protectedProcedure
    .input(highlightInputSchema)
    .output(highlightListSchema)
    .mutation(({ ctx, input }) => addHighlight(ctx.em, ctx.user.id, input.postId)),

  remove: protectedProcedure
    .input(highlightInputSchema)
    .output(highlightListSchema)
    .mutation(({ ctx, input }) => removeHighlight(ctx.em, ctx.user.id, input.postId)),

  /** All current highlights in their new order (a drag and drop's result). */
  reorder: protectedProcedure
    .input(reorderHighlightsInputSchema)
    .output(highlightListSchema)
    .mutation(({ ctx, input }) => reorderHighlights(ctx.em, ctx.user.id, input.postIds)),
});

export const socialRouter = router({
  /** Everyone's posts, newest first, keyset-paged. */
  feed: protectedProcedure
    .input(feedInputSchema)
    .output(feedPageSchema)
    .query(({ ctx, input }) => getFeed(ctx.em, ctx.user.id, input)),

  createPost: protectedProcedure
    .input(createPostInputSchema)
    .output(feedPostSchema)
    .mutation(({ ctx, input }) => createPost(ctx.em, ctx.user.id, input)),

  deletePost: protectedProcedure
    .input(deletePostInputSchema)
    .output(deletedPostSchema)
    .mutation(({ ctx, input }) => deletePost(ctx.em, ctx.user.id, input.postId)),

  react: protectedProcedure
    .input(reactInputSchema)
    .output(reactResultSchema)
    .mutation(({ ctx, input }) => react(ctx.em, ctx.user.id, input.postId, input.kind)),

  unreact: protectedProcedure
    .input(reactInputSchema)
    .output(reactResultSchema)
    .mutation(({ ctx, input }) => unreact(ctx.em, ctx.user.id, input.postId, input.kind)),

  /** The posts the learner reacted to, newest reaction first, keyset-paged. */
  reactionsTab: protectedProcedure
    .input(reactionsTabInputSchema)
    .output(reactionsTabPageSchema)
    .query(({ ctx, input }) => getReactionsTab(ctx.em, ctx.user.id, input)),

  highlights: highlightsRouter,
});
