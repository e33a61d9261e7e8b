import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { User } from './user.entity.ts';

// Mail the platform owes someone, written in the transaction that caused it (transactional
// outbox): a sender is to pick up rows whose sent_at is null and stamp them once delivered. None
// exists yet: rows collect here, and development logs the links.
export const EmailOutboxMessage = defineEntity({
  name: 'EmailOutboxMessage',
  tableName: 'email_outbox',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    user: p.manyToOne(User).deleteRule('cascade').index('email_outbox_user_id_index'),
    recipient: p.string().length(254),
    subject: p.string().length(200),
    body: p.text(),
    /** The one link the message is about (a verification link), for a sender or a test to read. */
    link: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    sentAt: p.datetime().nullable(),
  }),
  indexes: [
    {
      name: 'email_outbox_unsent_index',
      expression:
        'create index "email_outbox_unsent_index" on "email_outbox" ("created_at") where "sent_at" is null',
    },
  ],
  checks: [{ name: 'email_outbox_subject_not_empty', expression: 'char_length(subject) > 0' }],
});
export type EmailOutboxMessage = InferEntity<typeof EmailOutboxMessage>;
