import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAdminAction } from '../../audit/server/record-admin-action.ts';
import { auditReasonSchema } from '../../audit/universal/audit-reason.ts';
import { z } from 'zod';
import {
  DEFAULT_HEARTS_CONFIG,
  regenerateHearts,
  type HeartLoss,
  type HeartsView,
} from '../../learning/universal/hearts.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { changeHearts, logHearts, type MaterialisedHearts } from './hearts-sql.ts';

const config = DEFAULT_HEARTS_CONFIG;
const REGENERATION = 'regenerated over time';

function profileNotFound(): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no game profile');
}

/** The view of a state just materialised (so current): the next heart is one interval on. */
function viewOf(state: MaterialisedHearts): HeartsView {
  const { regenFrom } = state;
  return {
    hearts: state.hearts,
    max: config.max,
    regenFrom,
    nextHeartAt: regenFrom ? new Date(regenFrom.getTime() + config.intervalMs) : null,
    regenerated: state.gained,
  };
}

/** The learner's hearts at `now`, regeneration computed on read (nothing is written). */
export async function readHearts(em: EntityManager, userId: number, now: Date): Promise<HeartsView> {
  const [row] = await em.execute<{ hearts: number; hearts_regen_from: string | null }[]>(
    'select hearts, hearts_regen_from from user_profiles where user_id = ?',
    [userId],
  );
  if (!row) throw profileNotFound();
  const regenFrom = row.hearts_regen_from === null ? null : new Date(row.hearts_regen_from);
  return regenerateHearts({ hearts: row.hearts, regenFrom }, now, config);
}

/** Throws HEARTS_EMPTY (with when the next heart comes) at 0 hearts; otherwise the hearts. */
export async function requireHeart(em: EntityManager, userId: number, now: Date): Promise<HeartsView> {
  const hearts = await readHearts(em, userId, now);
  if (hearts.hearts > 0) return hearts;
  throw new DomainError('HEARTS_EMPTY', 'PRECONDITION_FAILED', 'You are out of hearts', {
    nextHeartAt: hearts.nextHeartAt,
    hearts: 0,
  });
}

/**
 * Takes one heart in the caller's transaction: regeneration is materialised and the heart taken
 * in one statement guarded by a heart being there, so concurrent losses never go below 0.
 * Both changes are logged. At 0 hearts nothing changes and `lost` is false.
 */
export async function takeHeart(
  em: EntityManager,
  userId: number,
  now: Date,
  reason: string,
): Promise<HeartLoss> {
  const changed = await changeHearts(em, userId, now, 'take', config);
  if (!changed) return { ...(await readHearts(em, userId, now)), lost: false };
  await logHearts(em, userId, now, [
    {
      action: 'regenerated',
      delta: changed.gained,
      balanceAfter: changed.before + changed.gained,
      reason: REGENERATION,
    },
    { action: 'lost', delta: -1, balanceAfter: changed.hearts, reason },
  ]);
  return { ...viewOf(changed), lost: true };
}

/** `takeHeart` in a transaction of its own. */
export async function loseHeart(
  em: EntityManager,
  userId: number,
  now: Date,
  reason: string,
): Promise<HeartLoss> {
  return em.transactional((tx) => takeHeart(tx, userId, now, reason));
}

export const refillHeartsInputSchema = z.object({
  userId: z.number().int().positive(),
  reason: auditReasonSchema,
});

export interface RefillHearts {
  readonly adminId: number;
  readonly userId: number;
  readonly now: Date;
  readonly reason: string;
  /** Where the admin acted from, for the audit trail. */
  readonly ip?: string | null | undefined;
}

/**
 * Admin action: fills the learner's hearts to max, with the hearts log (regeneration, refill) and
 * the system audit log (before and after) in the same transaction.
 */
export async function refillHearts(em: EntityManager, input: RefillHearts): Promise<HeartsView> {
  const { userId, reason } = parseInput(refillHeartsInputSchema, input);
  return em.transactional(async (tx) => {
    const [admin] = await tx.execute<{ role: string }[]>('select role from users where id = ?', [
      input.adminId,
    ]);
    if (admin?.role !== 'admin') {
      throw new DomainError('ADMIN_REQUIRED', 'FORBIDDEN', 'Only an admin can refill hearts');
    }
    const changed = await changeHearts(tx, userId, input.now, 'refill', config);
    if (!changed) throw profileNotFound();
    const available = changed.before + changed.gained;
    await logHearts(tx, userId, input.now, [
      { action: 'regenerated', delta: changed.gained, balanceAfter: available, reason: REGENERATION },
      { action: 'refilled', delta: changed.hearts - available, balanceAfter: changed.hearts, reason },
    ]);
    await recordAdminAction(
      tx,
      { adminId: input.adminId, now: input.now, ip: input.ip },
      {
        action: 'hearts.refill',
        entityType: 'user_profile',
        entityId: userId,
        before: { hearts: available, storedHearts: changed.before, regenFrom: changed.storedRegenFrom },
        after: { hearts: changed.hearts, regenFrom: null },
        reason,
      },
    );
    return viewOf(changed);
  });
}
