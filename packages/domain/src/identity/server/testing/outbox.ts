import type { EntityManager } from '@mikro-orm/postgresql';

export interface OutboxRow {
  id: string | number;
  recipient: string;
  subject: string;
  body: string;
  link: string | null;
  sent_at: Date | null;
}

/** The user's outbox, oldest first. */
export function outboxOf(em: EntityManager, userId: number): Promise<OutboxRow[]> {
  return em.execute<OutboxRow[]>('select * from email_outbox where user_id = ? order by id', [userId]);
}

/** The token in the link of the user's latest verification email. */
export async function latestVerificationToken(em: EntityManager, userId: number): Promise<string> {
  const link = (await outboxOf(em, userId)).at(-1)?.link;
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no verification link in the outbox of user ${userId}`);
  return token;
}
