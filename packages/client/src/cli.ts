// `pnpm ql <command>`: internal operations against a running platform through the typed client.
import { createQuestlineClient, type QuestlineClient } from './index.ts';

const usage = `usage: pnpm ql <command>

commands:
  health                         readiness of the platform (database, Redis)
  users list [--search T] [--limit N]
                                 users, newest first (needs admin credentials)

environment:
  QL_URL              platform address (default http://localhost:3000)
  QL_ADMIN_EMAIL      admin email (falls back to ADMIN_EMAIL)
  QL_ADMIN_PASSWORD   admin password (falls back to ADMIN_PASSWORD)`;

const baseUrl = (process.env.QL_URL || 'http://localhost:3000').replace(/\/$/, '');

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function adminClient(): Promise<QuestlineClient> {
  const email = process.env.QL_ADMIN_EMAIL || process.env.ADMIN_EMAIL;
  const password = process.env.QL_ADMIN_PASSWORD || process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new Error('set QL_ADMIN_EMAIL and QL_ADMIN_PASSWORD to an admin account');
  const client = createQuestlineClient({ baseUrl });
  const account = await client.auth.signIn.mutate({ email, password });
  if (account.role !== 'admin') throw new Error(`${account.email} is not an admin`);
  return client;
}

async function health(): Promise<number> {
  const response = await fetch(`${baseUrl}/health/ready`);
  const body = (await response.json()) as Record<string, unknown>;
  console.log(JSON.stringify(body, null, 2));
  return response.ok ? 0 : 1;
}

async function listUsers(args: readonly string[]): Promise<number> {
  const client = await adminClient();
  const limit = option(args, '--limit');
  const page = await client.admin.users.list.query({
    search: option(args, '--search'),
    limit: limit ? Number(limit) : undefined,
  });
  console.table(
    page.items.map((user) => ({
      id: user.id,
      username: user.username,
      email: user.email,
      role: user.role,
      level: user.level,
      xp: user.xp,
      joined: user.createdAt.toISOString().slice(0, 10),
    })),
  );
  if (page.nextCursor) console.log(`more users: continue after id ${page.nextCursor}`);
  return 0;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, subcommand] = args;
  if (command === 'health') return health();
  if (command === 'users' && subcommand === 'list') return listUsers(args.slice(2));
  console.error(usage);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ql: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
