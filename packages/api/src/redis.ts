import { Redis } from 'ioredis';

export interface RedisHandle {
  readonly client: Redis;
  /** True when Redis answered a PING within the command timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// Fail fast: no offline queue and a short command timeout, so a stopped or hung Redis turns
// into an immediate error and the PostgreSQL / in-process fallbacks serve instead.
export function connectRedis(url: string, log: (line: string) => void = console.warn): RedisHandle {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: 250,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    // A down Redis retries every few seconds; one line a minute is enough to say so.
    if (Date.now() - lastLogged > 60_000) {
      lastLogged = Date.now();
      log(`[redis] unavailable, using fallbacks: ${error.message}`);
    }
  });
  return {
    client,
    ping: () =>
      client.ping().then(
        (reply) => reply === 'PONG',
        () => false,
      ),
    close: async () => {
      client.disconnect();
    },
  };
}
