import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Reads a setting the parent bench passes to a child server. */
export function childSetting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this file runs as a child of the bench`);
  return value;
}

/**
 * The child side of child-server.ts: listens on a loopback port, reports it to the parent, and
 * on `stop` (or when the parent goes away) closes and exits — a clean exit, so --cpu-prof writes.
 */
export async function serveInChild(listener: RequestListener, close: () => Promise<void>): Promise<void> {
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await close();
    process.exit(0);
  };
  process.on('message', (message: { stop?: boolean }) => {
    if (message.stop) void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ port: (server.address() as AddressInfo).port });
}
