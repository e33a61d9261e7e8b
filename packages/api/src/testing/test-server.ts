import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv } from '../env.ts';
import { createRequestListener } from '../http/server.ts';
import type { RedisHandle } from '../redis.ts';

export interface TestServerOptions {
  readonly env?: Record<string, string>;
  readonly redis?: RedisHandle | null;
  readonly webDist?: string;
  readonly adminDist?: string;
}

export interface TestServer {
  readonly baseUrl: string;
  readonly server: Server;
  close(): Promise<void>;
}

// Every test signs up and in from the same loopback address: the per-address limits are raised
// unless a test sets its own (`SIGN_IN_RATE_LIMIT`, `SIGN_UP_RATE_LIMIT`).
const ROOMY_RATE_LIMITS = { SIGN_IN_RATE_LIMIT: '1000', SIGN_UP_RATE_LIMIT: '1000' };

/** The real request listener on a loopback port, over this test file's database. */
export async function startTestServer(
  db: TestDatabase,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const listener = createRequestListener({
    orm: db.orm,
    env: loadEnv({ ...ROOMY_RATE_LIMITS, ...options.env }),
    redis: options.redis ?? null,
    webDist: options.webDist ?? '/nonexistent/web',
    adminDist: options.adminDist ?? '/nonexistent/admin',
  });
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
