#!/usr/bin/env node
// Entry point for `npm start` and `npm test` on a machine that has only Node and npm:
// it provides pnpm (a pinned copy under .tools/ when none is on PATH), installs the
// workspace, then runs the named root script with pnpm. Node built-ins only: nothing is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');
const target = process.argv[2];
if (!target) fail('usage: node scripts/bootstrap.mjs <root script>');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node 20.19 or newer is needed; this is ${process.version}`);

const toolsBin = join(root, '.tools', 'node_modules', '.bin');
const env = { ...process.env, PATH: [toolsBin, process.env.PATH].join(delimiter) };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.error) return { status: 1, error: result.error };
  return result;
}

function pnpmMatches() {
  const probe = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === pnpmVersion;
}

if (!pnpmMatches()) {
  console.log(`[bootstrap] installing pnpm ${pnpmVersion} into .tools/`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = run(npm, [
    'install',
    '--prefix',
    join(root, '.tools'),
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${pnpmVersion}`,
  ]);
  if (install.status !== 0 || !pnpmMatches()) fail('could not install pnpm from the npm registry');
}

const installArgs = ['install', '--frozen-lockfile'];
if (!existsSync(join(root, 'pnpm-lock.yaml'))) installArgs.pop();
if (run('pnpm', installArgs).status !== 0) fail('pnpm install failed');

// The platform runs in a process group of its own, and a signal sent to this process (Ctrl+C, or
// a SIGTERM from a supervisor, which npm does not pass on) reaches all of it: pnpm, the server, the
// embedded database. Nothing is left running behind.
const ownGroup = process.platform !== 'win32';
const child = spawn('pnpm', ['run', target], { cwd: root, env, stdio: 'inherit', detached: ownGroup });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    try {
      if (ownGroup && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

function fail(message) {
  console.error(`[bootstrap] ${message}`);
  process.exit(1);
}
