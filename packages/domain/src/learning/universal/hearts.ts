// Hearts regenerate lazily: the stored state is a count and the instant regeneration counts from;
// what a learner has at any moment is computed from it on read, with no scheduler.

export interface HeartsConfig {
  readonly max: number;
  readonly intervalMs: number;
}

/** Five hearts, one back every four hours (DESIGN §4). */
export const DEFAULT_HEARTS_CONFIG: HeartsConfig = { max: 5, intervalMs: 4 * 60 * 60 * 1000 };

/** As stored on the learner's profile. `regenFrom` is null at (or above) max. */
export interface HeartsState {
  readonly hearts: number;
  readonly regenFrom: Date | null;
}

export interface HeartsView {
  readonly hearts: number;
  readonly max: number;
  readonly regenFrom: Date | null;
  /** When the next heart arrives; null at max. */
  readonly nextHeartAt: Date | null;
  /** Hearts this read found regenerated since the stored state (to materialise and log). */
  readonly regenerated: number;
}

export interface HeartLoss extends HeartsView {
  /** False at 0 hearts: nothing was taken. */
  readonly lost: boolean;
}

/**
 * The hearts at `now`: one more every `intervalMs` counted from the moment the count first fell
 * below max, never above max. The regeneration clock advances by whole intervals, so the cadence
 * is kept across reads. A below-max state with no clock (never written by this code) is treated
 * as fully regenerated rather than leaving the learner stuck; a read before `regenFrom` (clock
 * skew) gains nothing.
 */
export function regenerateHearts(
  state: HeartsState,
  now: Date,
  config: HeartsConfig = DEFAULT_HEARTS_CONFIG,
): HeartsView {
  const base = { max: config.max };
  if (state.hearts >= config.max || state.regenFrom === null) {
    const hearts = Math.max(state.hearts, config.max);
    return { ...base, hearts, regenFrom: null, nextHeartAt: null, regenerated: hearts - state.hearts };
  }
  const elapsed = now.getTime() - state.regenFrom.getTime();
  const gained = Math.min(config.max - state.hearts, Math.max(0, Math.floor(elapsed / config.intervalMs)));
  const hearts = state.hearts + gained;
  if (hearts >= config.max) {
    return { ...base, hearts, regenFrom: null, nextHeartAt: null, regenerated: gained };
  }
  const regenFrom = new Date(state.regenFrom.getTime() + gained * config.intervalMs);
  const nextHeartAt = new Date(regenFrom.getTime() + config.intervalMs);
  return { ...base, hearts, regenFrom, nextHeartAt, regenerated: gained };
}

/** Regenerates, then takes one heart if there is one; the clock starts when the count leaves max. */
export function loseOne(
  state: HeartsState,
  now: Date,
  config: HeartsConfig = DEFAULT_HEARTS_CONFIG,
): HeartLoss {
  const current = regenerateHearts(state, now, config);
  if (current.hearts === 0) return { ...current, lost: false };
  const hearts = current.hearts - 1;
  if (hearts >= config.max) return { ...current, hearts, lost: true };
  const regenFrom = current.regenFrom ?? now;
  const nextHeartAt = new Date(regenFrom.getTime() + config.intervalMs);
  return { ...current, hearts, regenFrom, nextHeartAt, lost: true };
}

/** Milliseconds until the next heart (in (0, interval] for reads at or after the clock); null at max. */
export function msUntilNextHeart(
  state: HeartsState,
  now: Date,
  config: HeartsConfig = DEFAULT_HEARTS_CONFIG,
): number | null {
  const { nextHeartAt } = regenerateHearts(state, now, config);
  return nextHeartAt === null ? null : nextHeartAt.getTime() - now.getTime();
}
