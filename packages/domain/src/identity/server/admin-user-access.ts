import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  setActiveInputSchema,
  setRoleInputSchema,
  type SetActiveInput,
  type SetRoleInput,
  type UserAccessChange,
} from '../universal/admin-users.ts';
import { revokeUserSessions } from './manage-sessions.ts';
import type { UserListItem } from '../universal/user-directory.ts';
import { readUserListItem } from './list-users.ts';

/** An admin makes a user an admin or a learner; the last active admin cannot be demoted. */
export async function setUserRole(
  em: EntityManager,
  actor: AdminActor,
  rawInput: SetRoleInput,
): Promise<UserAccessChange> {
  const input = parseInput(setRoleInputSchema, rawInput);
  return changeAccess(em, actor, input.userId, input.reason, 'user.set_role', async (tx, before) => {
    if (before.role === input.role) return false;
    await tx.execute('update users set role = ? where id = ?', [input.role, input.userId]);
    return true;
  });
}

/**
 * An admin deactivates a user (their sessions end at once; sign-in is refused while inactive) or
 * reactivates them. The last active admin cannot be deactivated.
 */
export async function setUserActive(
  em: EntityManager,
  actor: AdminActor,
  rawInput: SetActiveInput,
): Promise<UserAccessChange> {
  const input = parseInput(setActiveInputSchema, rawInput);
  return changeAccess(em, actor, input.userId, input.reason, 'user.set_active', async (tx, before) => {
    if (before.isActive === input.active) return false;
    await tx.execute('update users set is_active = ? where id = ?', [input.active, input.userId]);
    if (!input.active) await revokeUserSessions(tx, input.userId);
    return true;
  });
}

type Change = (tx: EntityManager, before: UserListItem) => Promise<boolean>;

async function changeAccess(
  em: EntityManager,
  actor: AdminActor,
  userId: number,
  reason: string,
  action: string,
  change: Change,
): Promise<UserAccessChange> {
  return auditedChange<UserAccessChange>(em, actor, async (tx) => {
    // Every change of role or activation takes the active admins' row locks first, so two admins
    // demoting each other at once are serialised and the second sees the first's result.
    await tx.execute(`select id from users where role = 'admin' and is_active order by id for update`);
    const before = await readUserListItem(tx, userId);
    if (!before) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user', { path: ['userId'] });
    const sessionsBefore = await activeSessions(tx, userId, actor.now);
    if (!(await change(tx, before))) {
      return { result: { changed: false, user: before, sessionsEnded: 0 }, audit: null };
    }
    await requireAnActiveAdmin(tx);
    const after = await readUserListItem(tx, userId);
    if (!after) throw new Error('a changed user vanished');
    const sessionsAfter = await activeSessions(tx, userId, actor.now);
    return {
      result: { changed: true, user: after, sessionsEnded: sessionsBefore - sessionsAfter },
      audit: {
        action,
        entityType: 'user',
        entityId: userId,
        before: { role: before.role, isActive: before.isActive, activeSessions: sessionsBefore },
        after: { role: after.role, isActive: after.isActive, activeSessions: sessionsAfter },
        reason,
      },
    };
  });
}

async function activeSessions(em: EntityManager, userId: number, now: Date): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    'select count(*)::int as n from sessions where user_id = ? and expires_at > ?',
    [userId, now],
  );
  return row?.n ?? 0;
}

async function requireAnActiveAdmin(em: EntityManager): Promise<void> {
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from users where role = 'admin' and is_active`,
  );
  if (!row?.n) {
    throw new DomainError(
      'LAST_ACTIVE_ADMIN',
      'PRECONDITION_FAILED',
      'This would leave no active admin: make someone else an admin first',
      { path: ['userId'] },
    );
  }
}
