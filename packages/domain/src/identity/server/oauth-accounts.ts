import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { LinkedAccount } from '../universal/oauth.ts';
import { OAuthAccount } from './oauth-account.entity.ts';

const toLinkedAccount = (link: OAuthAccount): LinkedAccount => ({
  provider: link.provider,
  email: link.email ?? null,
  linkedAt: link.createdAt,
  lastUsedAt: link.lastUsedAt ?? null,
});

/** The user's own provider links, oldest first. */
export async function listLinkedAccounts(em: EntityManager, userId: number): Promise<LinkedAccount[]> {
  const links = await em.find(OAuthAccount, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return links.map(toLinkedAccount);
}

/**
 * Removes the user's link to `provider` and returns the links left. An account without a password
 * keeps its last link: removing it would leave no way to sign in.
 */
export async function unlinkOAuthAccount(
  em: EntityManager,
  userId: number,
  provider: string,
): Promise<LinkedAccount[]> {
  return em.transactional(async (tx) => {
    // The user row lock serialises concurrent unlinks, which could otherwise each see another link left.
    const [owner] = await tx.execute<{ has_password: boolean }[]>(
      'select password_hash is not null as has_password from users where id = ? for update',
      [userId],
    );
    const links = await tx.find(OAuthAccount, { user: userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const target = links.find((link) => link.provider === provider);
    if (!owner || !target) {
      throw new DomainError('OAUTH_LINK_NOT_FOUND', 'NOT_FOUND', 'No link to this provider', {
        path: ['provider'],
      });
    }
    if (!owner.has_password && links.length === 1) {
      throw new DomainError(
        'LAST_SIGN_IN_METHOD',
        'PRECONDITION_FAILED',
        'Set a password before removing your only way to sign in',
      );
    }
    tx.remove(target);
    return links.filter((link) => link !== target).map(toLinkedAccount);
  });
}
