// `pnpm ql <command>`: internal operations. Everything but `admin create` goes through the typed
// client to a running platform, as an admin; each command group lives in ./cli/.
import { loadDotEnv } from '@questline/domain/database/server/project-paths';
import { CliError, describeFailure, type Command } from './cli/common.ts';
import { health } from './cli/health.ts';

const usage = `usage: pnpm ql <command>

commands:
  health                          readiness of the platform (database, Redis)
  admin create --email E --username U [--password-stdin]
                                  create an admin account directly in the database
                                  (DATABASE_URL or the embedded one); without
                                  --password-stdin a password is generated and shown once
  users list [--search T] [--limit N]
                                  users, newest first
  users export <username|id> [--out file.json]
                                  everything stored about a user, as JSON (personal
                                  data: the file is readable by its owner only)
  questions import <file.csv> [--dry-run] [--chunk N] [--json]
                                  import quiz questions in chunks of N rows (default 500),
                                  with progress on stderr; prints rejected rows with their
                                  line and messages (--json: every row's status) and exits 1
                                  when any row was rejected
  badges grant <username|id> <badge-code> --reason R
  badges revoke <username|id> <badge-code> --reason R
                                  an admin-granted badge (e.g. early-adopter), audited
  recompute streaks [--user U]    study and habit streaks from the stored history
  recompute standings             leaderboard standings from the XP ledger and quiz attempts

environment:
  QL_URL              platform address (default http://localhost:3000)
  QL_ADMIN_EMAIL      admin email (falls back to ADMIN_EMAIL)
  QL_ADMIN_PASSWORD   admin password (falls back to ADMIN_PASSWORD)`;

type Group = Record<string, Command | undefined>;

// Loaded on use: `admin create` brings the ORM, which the HTTP commands have no need to load.
const groups: Record<string, () => Promise<Group>> = {
  admin: async () => (await import('./cli/admin.ts')).adminCommands,
  users: async () => (await import('./cli/users.ts')).usersCommands,
  questions: async () => (await import('./cli/questions.ts')).questionsCommands,
  badges: async () => (await import('./cli/badges.ts')).badgesCommands,
  recompute: async () => (await import('./cli/recompute.ts')).recomputeCommands,
};

async function main(args: readonly string[]): Promise<number> {
  const [group = '', name = ''] = args;
  if (group === 'health') return health(args.slice(1));
  const commands = Object.hasOwn(groups, group) ? await groups[group]?.() : undefined;
  const command = commands && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command) return command(args.slice(2));
  console.error(usage);
  return group && group !== 'help' && group !== '--help' ? 2 : 0;
}

loadDotEnv();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ql: ${describeFailure(error)}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
