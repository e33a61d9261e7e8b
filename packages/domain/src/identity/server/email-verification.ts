import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  EMAIL_VERIFICATION_TTL_MS,
  resendDelayMs,
  verifyEmailInputSchema,
  type EmailVerified,
} from '../universal/email-verification.ts';
import { EmailOutboxMessage } from './email-outbox-message.entity.ts';
import { EmailVerificationToken } from './email-verification-token.entity.ts';
import { generateOpaqueToken, hashOpaqueToken } from './session-token.ts';

/** A message written to the outbox: enough for a development log line. */
export interface QueuedEmail {
  readonly recipient: string;
  readonly subject: string;
  readonly link: string;
}

interface Recipient {
  readonly id: number;
  readonly email: string;
  readonly username: string;
}

/** The web app's page for the link; `publicUrl` is where browsers reach the server. */
export function verificationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify-email?token=${encodeURIComponent(token)}`;
}

/**
 * Issues a verification link (only its hash is stored) and writes the email carrying it to the
 * outbox, inside the caller's transaction: the account and its email commit together or not at all.
 */
export async function queueVerificationEmail(
  tx: EntityManager,
  user: Recipient,
  now: Date,
  publicUrl: string,
): Promise<QueuedEmail> {
  const { token, tokenHash } = generateOpaqueToken();
  const link = verificationLink(publicUrl, token);
  const subject = 'Confirm your email for Questline';
  tx.create(EmailVerificationToken, {
    user: user.id,
    tokenHash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
  });
  tx.create(EmailOutboxMessage, {
    user: user.id,
    recipient: user.email,
    subject,
    body: [
      `Hi ${user.username},`,
      '',
      'Confirm the email address of your Questline account by opening this link within 24 hours:',
      link,
      '',
      'If you did not create an account, you can ignore this message.',
    ].join('\n'),
    link,
    createdAt: now,
  });
  await tx.flush();
  return { recipient: user.email, subject, link };
}

interface TokenRow {
  user_id: string | number;
  expires_at: Date;
  used_at: Date | null;
}

/** Marks the account behind a verification link verified. Each link works once, and not once expired. */
export async function verifyEmail(em: EntityManager, rawToken: string, now: Date): Promise<EmailVerified> {
  const { token } = parseInput(verifyEmailInputSchema, { token: rawToken });
  return em.transactional(async (tx) => {
    // The row lock makes two uses of one link at once take turns: the second sees used_at.
    const [row] = await tx.execute<TokenRow[]>(
      'select user_id, expires_at, used_at from email_verification_tokens where token_hash = ? for update',
      [hashOpaqueToken(token)],
    );
    if (!row || row.used_at) {
      throw new DomainError(
        'VERIFICATION_TOKEN_INVALID',
        'BAD_INPUT',
        'This verification link is not valid',
        {
          path: ['token'],
        },
      );
    }
    if (new Date(row.expires_at).getTime() <= now.getTime()) {
      throw new DomainError(
        'VERIFICATION_TOKEN_EXPIRED',
        'BAD_INPUT',
        'This verification link has expired; ask for a new one',
        { path: ['token'] },
      );
    }
    const userId = Number(row.user_id);
    // Every outstanding link of the user is spent: the address is confirmed.
    await tx.execute(
      'update email_verification_tokens set used_at = ? where user_id = ? and used_at is null',
      [now, userId],
    );
    await tx.execute('update users set is_verified = true where id = ?', [userId]);
    return { verified: true as const };
  });
}

interface UserRow {
  email: string;
  username: string;
  is_verified: boolean;
}

/** Sends the signed-in learner a fresh link, at most once a minute and five times an hour. */
export async function resendVerification(
  em: EntityManager,
  userId: number,
  now: Date,
  publicUrl: string,
): Promise<QueuedEmail> {
  return em.transactional(async (tx) => {
    // Locking the user serialises concurrent resends, so the throttle below counts them all.
    const [user] = await tx.execute<UserRow[]>(
      'select email, username, is_verified from users where id = ? for update',
      [userId],
    );
    if (!user) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
    if (user.is_verified) {
      throw new DomainError(
        'EMAIL_ALREADY_VERIFIED',
        'PRECONDITION_FAILED',
        'Your email is already verified',
      );
    }
    const sent = await tx.execute<{ created_at: Date }[]>(
      `select created_at from email_verification_tokens where user_id = ? and created_at > ?`,
      [userId, new Date(now.getTime() - EMAIL_VERIFICATION_TTL_MS)],
    );
    const waitMs = resendDelayMs(
      sent.map((row) => new Date(row.created_at)),
      now,
    );
    if (waitMs > 0) {
      throw new DomainError(
        'VERIFICATION_RESEND_THROTTLED',
        'RATE_LIMITED',
        'A verification email was sent recently; wait a little before asking again',
        { retryAfterSeconds: Math.ceil(waitMs / 1000) },
      );
    }
    return queueVerificationEmail(
      tx,
      { id: userId, email: user.email, username: user.username },
      now,
      publicUrl,
    );
  });
}
