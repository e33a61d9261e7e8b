import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAdminAction } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  badgeGrantInputSchema,
  type BadgeGrantInput,
  type BadgeGrantResult,
  type UserBadgeView,
} from '../universal/badge-grants.ts';

interface BadgeRow {
  id: string;
  code: string;
  name: string;
  description: string;
  icon: string | null;
  icon_url_64: string | null;
  icon_url_16: string | null;
  is_tag_badge: boolean;
  criteria_type: string | null;
}
interface HeldRow extends BadgeRow {
  user_badge_id: string;
  unlocked_at: Date;
  granted_by: string | null;
}

const toView = (row: HeldRow): UserBadgeView => ({
  code: row.code,
  name: row.name,
  description: row.description,
  icon: row.icon,
  iconUrl64: row.icon_url_64,
  iconUrl16: row.icon_url_16,
  isTagBadge: row.is_tag_badge,
  unlockedAt: new Date(row.unlocked_at),
  granted: row.granted_by !== null,
});

const HELD_SQL = `select b.*, ub.id as user_badge_id, ub.unlocked_at, ub.granted_by
                    from user_badges ub join badges b on b.id = ub.badge_id`;

/** The badges a learner holds, oldest first; tag badges (16px art) are flagged. */
export async function listUserBadges(em: EntityManager, userId: number): Promise<UserBadgeView[]> {
  const rows = await em.execute<HeldRow[]>(`${HELD_SQL} where ub.user_id = ? order by ub.unlocked_at, b.id`, [
    userId,
  ]);
  return rows.map(toView);
}

/**
 * An admin grants an admin-granted badge, audited in the same transaction. Granting one the
 * learner holds changes nothing and writes no audit row (user_badges is unique per user and badge).
 */
export async function grantBadge(em: EntityManager, rawInput: BadgeGrantInput): Promise<BadgeGrantResult> {
  const input = parseInput(badgeGrantInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const badge = await checkGrant(tx, input);
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into user_badges (user_id, badge_id, unlocked_at, granted_by) values (?, ?, ?, ?)
       on conflict (user_id, badge_id) do nothing returning id`,
      [input.userId, badge.id, input.now, input.adminId],
    );
    const held = await readHeld(tx, input.userId, badge.id);
    if (!held) throw new Error('a granted badge vanished');
    if (inserted.length) {
      await audit(tx, input, 'badge.grant', held.user_badge_id, null, snapshot(input.userId, held));
    }
    return { changed: inserted.length > 0, badge: toView(held) };
  });
}

/** An admin takes an admin-granted badge back, audited; revoking one not held changes nothing. */
export async function revokeBadge(em: EntityManager, rawInput: BadgeGrantInput): Promise<BadgeGrantResult> {
  const input = parseInput(badgeGrantInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const badge = await checkGrant(tx, input);
    const held = await readHeld(tx, input.userId, badge.id);
    const deleted = await tx.execute<{ id: string }[]>(
      'delete from user_badges where user_id = ? and badge_id = ? returning id',
      [input.userId, badge.id],
    );
    if (held && deleted.length) {
      await audit(tx, input, 'badge.revoke', held.user_badge_id, snapshot(input.userId, held), null);
    }
    return { changed: deleted.length > 0, badge: null };
  });
}

type ParsedInput = ReturnType<typeof badgeGrantInputSchema.parse>;

async function checkGrant(em: EntityManager, input: ParsedInput): Promise<BadgeRow> {
  const [admin] = await em.execute<{ role: string; is_active: boolean }[]>(
    'select role, is_active from users where id = ?',
    [input.adminId],
  );
  if (!admin || admin.role !== 'admin' || !admin.is_active) {
    throw new DomainError('ADMIN_REQUIRED', 'FORBIDDEN', 'Only an admin can grant or revoke badges');
  }
  const [badge] = await em.execute<BadgeRow[]>('select * from badges where code = ?', [input.badgeCode]);
  if (!badge) throw new DomainError('BADGE_NOT_FOUND', 'NOT_FOUND', 'No such badge', { path: ['badgeCode'] });
  // A rule badge is earned (and would be re-awarded at the learner's next event): not the admin's to give or take.
  if (badge.criteria_type !== null) {
    throw new DomainError(
      'BADGE_NOT_GRANTABLE',
      'PRECONDITION_FAILED',
      'This badge is earned by its rule, not granted',
      {
        path: ['badgeCode'],
      },
    );
  }
  const users = await em.execute<{ id: string }[]>('select id from users where id = ?', [input.userId]);
  if (!users.length)
    throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user', { path: ['userId'] });
  return badge;
}

async function readHeld(em: EntityManager, userId: number, badgeId: string): Promise<HeldRow | undefined> {
  const [row] = await em.execute<HeldRow[]>(`${HELD_SQL} where ub.user_id = ? and ub.badge_id = ?`, [
    userId,
    badgeId,
  ]);
  return row;
}

const snapshot = (userId: number, held: HeldRow) => ({
  userId,
  badgeCode: held.code,
  unlockedAt: new Date(held.unlocked_at).toISOString(),
  grantedBy: held.granted_by === null ? null : Number(held.granted_by),
});

function audit(
  em: EntityManager,
  input: ParsedInput,
  action: 'badge.grant' | 'badge.revoke',
  userBadgeId: string,
  before: object | null,
  after: object | null,
): Promise<void> {
  return recordAdminAction(
    em,
    { adminId: input.adminId, now: input.now, ip: input.ip },
    { action, entityType: 'user_badge', entityId: userBadgeId, before, after, reason: input.reason },
  );
}
