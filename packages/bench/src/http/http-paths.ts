import type { HttpPath } from './http-path.ts';
import { playerSummaryHttpPath } from './paths/player-summary.ts';

// The hot paths through HTTP + tRPC + auth; each beside the raw server doing the same SQL.
export const HTTP_PATHS: readonly HttpPath[] = [playerSummaryHttpPath];
