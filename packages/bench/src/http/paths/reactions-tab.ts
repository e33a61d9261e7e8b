import { rawReactionsTab } from '../../paths/reactions-tab.ts';
import { learnerFeed } from '../feeds.ts';
import { defineHttpPath } from '../http-path.ts';

// The first page (20 posts) of the side's next learner's reactions tab.
export const reactionsTabHttpPath = defineHttpPath({
  name: 'reactions tab page (1,000,000 reactions)',
  procedure: 'social.reactionsTab',
  kind: 'query',
  whenMissed: `Two index-range statements of a millisecond or less, so the fixed cost of a request through the stack dominates (see the player summary), plus zod checking the page on the way out; several times the raw server's CPU per request (CPU columns).`,
  feed: (setup, side) => Promise.resolve(learnerFeed(setup, side, () => ({ limit: 20 }))),
  raw: (pool, userId) => rawReactionsTab(pool, userId),
});
