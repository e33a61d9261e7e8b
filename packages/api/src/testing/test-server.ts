import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv } from '../env.ts';
import { createRequestListener } from '../http/server.ts';
import type { RedisHandle } from '../redis.ts';

export interface TestServerOptions {
  /** Variables on top of the test defaults; as a function, built from the server's own URL. */
  readonly env?: Record<string, string> | ((baseUrl: string) => Record<string, string>);
  readonly redis?: RedisHandle | null;
  readonly webDist?: string;
  readonly adminDist?: string;
}

export interface TestServer {
  readonly baseUrl: string;
  readonly server: Server;
  close(): Promise<void>;
}

// Unless a test sets its own: NODE_ENV=test (no development log lines such as verification
// links), and per-address limits raised, as every test signs up and in from one loopback address.
const TEST_ENV_DEFAULTS = { NODE_ENV: 'test', SIGN_IN_RATE_LIMIT: '1000', SIGN_UP_RATE_LIMIT: '1000' };

/**
 * The real request listener on a loopback port, over this test file's database. The port is taken
 * first, so PUBLIC_URL (and any variable built from `baseUrl`) names the server itself.
 */
export async function startTestServer(
  db: TestDatabase,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    const env = typeof options.env === 'function' ? options.env(baseUrl) : options.env;
    const listener = createRequestListener({
      orm: db.orm,
      env: loadEnv({ ...TEST_ENV_DEFAULTS, PUBLIC_URL: baseUrl, ...env }),
      redis: options.redis ?? null,
      webDist: options.webDist ?? '/nonexistent/web',
      adminDist: options.adminDist ?? '/nonexistent/admin',
    });
    server.on('request', listener);
  } catch (error) {
    await close();
    throw error;
  }
  return { baseUrl, server, close };
}
