import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Messages between the bench and a child server (child-server.ts is the other end). */
export type ToChild = { readonly type: 'settle' } | { readonly type: 'stop' };
export type FromChild =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'settled'; readonly cpuMicros: number };

/** Reads a setting the parent bench passes to a child server. */
export function childSetting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this file runs as a child of the bench`);
  return value;
}

const reply = (message: FromChild) => process.send?.(message);

/**
 * The child side of child-server.ts: listens on a loopback port and reports it. `settle` answers
 * once no request is in flight (the load generator abandons its last requests when a run ends),
 * with the CPU time the process has used; `stop` (or the parent going away) drains, closes and
 * exits cleanly, so --cpu-prof writes its profile.
 */
export async function serveInChild(listener: RequestListener, close: () => Promise<void>): Promise<void> {
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const settled = () =>
    inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight > 0) return;
      for (const resolve of waiting) resolve();
      waiting = [];
    });
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await settled();
    server.closeAllConnections();
    await closed;
    await close();
    process.exit(0);
  };
  process.on('message', (message: ToChild) => {
    if (message.type === 'stop') void stop();
    else if (message.type === 'settle')
      void settled().then(() => {
        const cpu = process.cpuUsage();
        reply({ type: 'settled', cpuMicros: cpu.user + cpu.system });
      });
  });
  process.on('disconnect', () => void stop());
  reply({ type: 'listening', port: (server.address() as AddressInfo).port });
}
