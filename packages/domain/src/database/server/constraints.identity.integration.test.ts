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
      sql: [insert('users', user), insert('sessions', session), insert('oauth_accounts', oauth)],
    },
  ],
});
