import { createDatabase, dropDatabase } from '@questline/domain/database/server/scratch-database';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { startTestPostgres, TEST_DATABASE_PREFIX } from '../test-support/test-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** The server's database, for tests that read what it wrote (e.g. the email outbox). */
    databaseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const serverBundle = `${root}packages/api/dist/main.mjs`;

// The built server, started as `pnpm start` would, on a fresh database of its own.
export default async function setup(project: TestProject) {
  for (const built of [
    serverBundle,
    `${root}apps/web/dist/index.html`,
    `${root}apps/admin/dist/index.html`,
  ]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build first (pnpm build)`);
  }
  const postgres = await startTestPostgres();
  const database = `${TEST_DATABASE_PREFIX}e2e_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createDatabase(postgres.serverUrl, database);
  const port = await freePort();
  const adminEmail = 'e2e-admin@questline.test';
  const adminPassword = `e2e admin ${randomBytes(6).toString('hex')}`;

  const output: string[] = [];
  const server = spawn(process.execPath, [serverBundle], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_EMAIL: adminEmail,
      ADMIN_USERNAME: 'e2e_admin',
      ADMIN_PASSWORD: adminPassword,
      REDIS_URL: '',
      // Links in emails then point at this server.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Every browser test signs up and in from 127.0.0.1: room for all of them.
      SIGN_IN_RATE_LIMIT: '1000',
      SIGN_UP_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, () => server.exitCode !== null, output);
  project.provide('baseUrl', baseUrl);
  project.provide('adminEmail', adminEmail);
  project.provide('adminPassword', adminPassword);
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    server.kill('SIGTERM');
    await Promise.race([exited, delay(10_000)]);
    await dropDatabase(postgres.serverUrl, database);
    await postgres.stop();
  };
}

async function waitUntilReady(baseUrl: string, hasExited: () => boolean, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !hasExited()) {
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await delay(200);
  }
  throw new Error(`the server did not become ready:\n${output.join('')}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
