import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCpuProfiler } from './cpu-profiler.ts';

/** Messages between the bench and a child server (child-server.ts is the other end). */
export type ToChild =
  | { readonly type: 'profile' }
  | { readonly type: 'settle'; readonly profileTo?: string | undefined }
  | { readonly type: 'stop' };
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

const SETTLE_POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The child side of child-server.ts: listens on a loopback port and reports it. `settle` answers
 * once the server is quiet, with the CPU time the process has used (and writes the CPU profile
 * `profile` started, if asked to); `stop` (or the parent going away) settles, closes and exits. Quiet means no open
 * request and an idle database pool twice in a row: when a run ends the load generator drops its
 * connections, but the requests they carried still run to the end inside the server.
 */
export async function serveInChild(
  listener: RequestListener,
  options: { readonly databaseIdle: () => boolean; readonly close: () => Promise<void> },
): Promise<void> {
  let open = 0;
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    open += 1;
    res.once('close', () => (open -= 1));
    listener(req, res);
  });
  const settled = async () => {
    for (let quietPolls = 0; quietPolls < 2;) {
      await sleep(SETTLE_POLL_MS);
      quietPolls = open === 0 && options.databaseIdle() ? quietPolls + 1 : 0;
    }
  };
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
    await options.close();
    process.exit(0);
  };
  const profiler = createCpuProfiler();
  const settle = async (profileTo: string | undefined) => {
    await settled();
    const cpu = process.cpuUsage();
    if (profileTo) await profiler.stopTo(profileTo);
    reply({ type: 'settled', cpuMicros: cpu.user + cpu.system });
  };
  process.on('message', (message: ToChild) => {
    if (message.type === 'stop') void stop();
    else if (message.type === 'profile') void profiler.start();
    else void settle(message.profileTo);
  });
  process.on('disconnect', () => void stop());
  reply({ type: 'listening', port: (server.address() as AddressInfo).port });
}
