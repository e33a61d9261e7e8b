import type { HttpSetup, RequestFeed, Side } from './http-path.ts';

/** Reads: the nth request comes from the side's nth learner (round the half), with its input. */
export const learnerFeed =
  (
    setup: HttpSetup,
    side: Side,
    inputFor: (userId: number, n: number) => unknown = () => undefined,
  ): RequestFeed =>
  (n) => {
    const userId = setup.learners.learnerOf(side, n);
    return { userId, input: inputFor(userId, n) };
  };

/** Requests that each consume one prepared row: the nth takes the nth, none once they run out. */
export const suppliedFeed =
  <Row>(
    rows: readonly Row[],
    request: (row: Row, n: number) => { userId: number; input: unknown },
  ): RequestFeed =>
  (n) => {
    const row = rows[n];
    return row === undefined ? undefined : request(row, n);
  };
