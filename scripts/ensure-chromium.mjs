#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core (no browser download can work
// here). This installs the `chromium` package when it is missing, if this user may.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH points to ${path}, which does not exist`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = spawnSync('sudo', ['-n', 'true']).status === 0;
if (!existsSync('/usr/bin/apt-get') || (!isRoot && !hasSudo)) {
  fail('Chromium is missing: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH');
}

const asRoot = (args) => (isRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]]);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
console.log('[e2e] installing Debian chromium for the browser tests');
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
]) {
  const [command, commandArgs] = asRoot(args);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed`);
}
if (!existsSync(path)) fail(`chromium was installed but ${path} is missing`);

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(1);
}
