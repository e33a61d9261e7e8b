import { insertAnsweredRuns, rawCompleteLesson } from '../../paths/complete-lesson.ts';
import { suppliedFeed } from '../feeds.ts';
import { defineHttpPath } from '../http-path.ts';
import { rawPublishProgress } from '../raw-progress.ts';

interface CompleteInput {
  readonly sessionId: number;
  readonly idempotencyKey: string;
}

// Each request completes its own prepared run (all exercises answered), under a fresh key.
export const completeLessonHttpPath = defineHttpPath<CompleteInput>({
  name: 'complete a lesson',
  procedure: 'learning.complete',
  kind: 'mutation',
  whenMissed: `About 28 statements in one transaction (the run, progress, then the reward pipeline: ledger, profile, daily XP, standings, streak, unlock check, activity). Through MikroORM each statement costs about 0.1–0.2 ms more CPU than through raw pg (knex's raw builder, parameter formatting, result mapping), on top of the fixed cost of a request (see the player summary). Fewer round trips (the pipeline's profile, daily-XP and standings updates as one CTE statement, the unlock check's three reads as one) would cut latency on both sides and most of the gap.`,
  feed: async (setup, side) => {
    const rounds = Math.ceil(setup.supply / setup.learners.perSide);
    const runs = await insertAnsweredRuns(setup.pool, [setup.learners.rangeOf(side)], rounds);
    return suppliedFeed(runs, (run) => ({
      userId: run.userId,
      input: { sessionId: run.sessionId, idempotencyKey: `http-${setup.runId}-lesson-${run.sessionId}` },
    }));
  },
  raw: async (pool, userId, input) => {
    const completion = await rawCompleteLesson(pool, { userId, ...input, now: new Date() });
    await rawPublishProgress(pool, userId);
    return completion;
  },
});
