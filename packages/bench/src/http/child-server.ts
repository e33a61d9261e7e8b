import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { FromChild, ToChild } from './serve-in-child.ts';

export interface ChildServer {
  readonly url: string;
  /** Starts profiling the server's CPU (written by the next settle with `profileTo`). */
  profile(): void;
  /** Waits until no request is in flight; resolves with the CPU time the server has used (µs). */
  settle(profileTo?: string): Promise<number>;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  readonly env: Record<string, string>;
}

const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts a server entry (see serve-in-child.ts) in its own Node process, so the server never
 * shares the load generator's event loop, and resolves once it listens.
 */
export async function startChildServer(entry: URL, options: ChildServerOptions): Promise<ChildServer> {
  // The parent's execArgv carries tsx's loader, so the child runs the TypeScript entry as is.
  const child = fork(entry, [], {
    env: { ...process.env, ...options.env },
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = (message: ToChild) => child.send(message);
  const exited = once(child, 'exit');
  const nextMessage = <Type extends FromChild['type']>(type: Type) =>
    new Promise<Extract<FromChild, { type: Type }>>((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message as Extract<FromChild, { type: Type }>);
      };
      const onExit = (code: number | null) => reject(new Error(`${entry.pathname} exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await nextMessage('listening');
  return {
    url: `http://127.0.0.1:${port}`,
    profile: () => send({ type: 'profile' }),
    settle: async (profileTo) => {
      const settled = nextMessage('settled');
      send({ type: 'settle', profileTo });
      return (await settled).cpuMicros;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      send({ type: 'stop' });
      await exited;
      clearTimeout(force);
    },
  };
}
