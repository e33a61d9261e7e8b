import {
  check,
  describeConstraints,
  foreignKey,
  insert,
  sql,
  SUITE_TABLES,
  unique,
  update,
} from './testing/constraint-cases.ts';
import { ID } from './testing/schema-fixture.ts';
import { useTestDatabase } from './testing/test-database.ts';

const db = useTestDatabase();

// Valid rows next to the fixture's; each case changes one thing.
const user = { email: 'carol@example.test', username: 'carol', daily_xp_goal: 20 };
const session = { user_id: ID.bob, token_hash: 'b'.repeat(64), expires_at: sql(`now() + interval '1 day'`) };
const oauth = { user_id: ID.bob, provider: 'github', provider_user_id: 'gh-bob' };
const verification = {
  user_id: ID.bob,
  token_hash: 'c'.repeat(64),
  expires_at: sql(`now() + interval '1 day'`),
};
const outbox = { user_id: ID.bob, recipient: 'bob@example.test', subject: 'Confirm', body: 'Hello' };
const failure = { email_key: 'someone@example.test', window_started_at: sql('now()'), failures: 1 };

describeConstraints(db, {
  tables: SUITE_TABLES.identity,
  refused: [
    // users
    {
      refusedBy: unique('users_email_unique'),
      title: 'an email differing only in case',
      sql: insert('users', { ...user, email: 'ALICE@Example.TEST' }),
    },
    {
      refusedBy: unique('users_username_unique'),
      title: 'a username differing only in case',
      sql: insert('users', { ...user, username: 'ALICE' }),
    },
    {
      refusedBy: check('users_username_format'),
      title: 'a username with a space',
      sql: insert('users', { ...user, username: 'no spaces' }),
    },
    {
      refusedBy: check('users_username_format'),
      title: 'a username shorter than 3 characters',
      sql: insert('users', { ...user, username: 'ab' }),
    },
    {
      refusedBy: check('users_username_format'),
      title: 'a username longer than 30 characters',
      sql: insert('users', { ...user, username: 'a'.repeat(31) }),
    },
    {
      refusedBy: check('users_username_format'),
      title: 'a username with a hyphen',
      sql: insert('users', { ...user, username: 'carol-c' }),
    },
    {
      refusedBy: check('users_daily_xp_goal_allowed'),
      title: 'a daily XP goal of 15',
      sql: update('users', { id: ID.alice }, { daily_xp_goal: 15 }),
    },
    {
      refusedBy: check('users_daily_xp_goal_allowed'),
      title: 'a daily XP goal of 0',
      sql: insert('users', { ...user, daily_xp_goal: 0 }),
    },
    {
      refusedBy: check('users_role_check'),
      title: 'an unknown role',
      sql: update('users', { id: ID.alice }, { role: 'superuser' }),
    },
    // sessions
    {
      refusedBy: unique('sessions_token_hash_unique'),
      title: 'a second session with the same token hash',
      sql: insert('sessions', { ...session, token_hash: 'a'.repeat(64) }),
    },
    {
      refusedBy: foreignKey('sessions_user_id_foreign'),
      title: 'a session for a missing user',
      sql: insert('sessions', { ...session, user_id: 999 }),
    },
    // oauth_accounts
    {
      refusedBy: unique('oauth_accounts_provider_subject_unique'),
      title: 'a provider account linked to a second user',
      sql: insert('oauth_accounts', { ...oauth, provider_user_id: 'gh-alice' }),
    },
    {
      refusedBy: unique('oauth_accounts_user_provider_unique'),
      title: 'a second account of the same provider for one user',
      sql: insert('oauth_accounts', { ...oauth, user_id: ID.alice }),
    },
    {
      refusedBy: foreignKey('oauth_accounts_user_id_foreign'),
      title: 'an OAuth account for a missing user',
      sql: insert('oauth_accounts', { ...oauth, user_id: 999 }),
    },
    // email_verification_tokens
    {
      refusedBy: unique('email_verification_tokens_token_hash_unique'),
      title: 'two verification links with the same token hash',
      arrange: [insert('email_verification_tokens', verification)],
      sql: insert('email_verification_tokens', { ...verification, user_id: ID.alice }),
    },
    {
      refusedBy: check('email_verification_tokens_expire_after_creation'),
      title: 'a verification link that expired before it was made',
      sql: insert('email_verification_tokens', {
        ...verification,
        expires_at: sql(`now() - interval '1 second'`),
      }),
    },
    {
      refusedBy: foreignKey('email_verification_tokens_user_id_foreign'),
      title: 'a verification link for a missing user',
      sql: insert('email_verification_tokens', { ...verification, user_id: 999 }),
    },
    // email_outbox
    {
      refusedBy: check('email_outbox_subject_not_empty'),
      title: 'a message without a subject',
      sql: insert('email_outbox', { ...outbox, subject: '' }),
    },
    {
      refusedBy: foreignKey('email_outbox_user_id_foreign'),
      title: 'a message for a missing user',
      sql: insert('email_outbox', { ...outbox, user_id: 999 }),
    },
    // sign_in_failures
    {
      refusedBy: unique('sign_in_failures_pkey'),
      title: 'two failure counters for one email',
      arrange: [insert('sign_in_failures', failure)],
      sql: insert('sign_in_failures', failure),
    },
    {
      refusedBy: check('sign_in_failures_failures_positive'),
      title: 'a failure counter of 0',
      sql: insert('sign_in_failures', { ...failure, failures: 0 }),
    },
  ],
  accepted: [
    {
      title: 'every allowed daily XP goal (10, 20, 30, 50)',
      sql: [10, 20, 30, 50].map((goal) => update('users', { id: ID.alice }, { daily_xp_goal: goal })),
    },
    {
      title: 'usernames of 3 and 30 characters with letters, digits, dot and underscore',
      sql: [
        insert('users', { ...user, username: 'c_1' }),
        insert('users', { ...user, email: 'dave@example.test', username: `D.${'x'.repeat(28)}` }),
      ],
    },
    {
      title: 'the same provider subject at another provider, and another provider for the same user',
      sql: [
        insert('oauth_accounts', { ...oauth, provider: 'google', provider_user_id: 'gh-alice' }),
        insert('oauth_accounts', { ...oauth, user_id: ID.alice, provider: 'google' }),
      ],
    },
    {
      title: 'the valid rows the cases start from',
      sql: [
        insert('users', user),
        insert('sessions', session),
        insert('oauth_accounts', oauth),
        insert('email_verification_tokens', verification),
        insert('email_outbox', outbox),
        insert('sign_in_failures', failure),
      ],
    },
  ],
});
