import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { FromChild, ToChild } from './serve-in-child.ts';

export interface ChildServer {
  readonly url: string;
  /** Waits until no request is in flight; resolves with the CPU time the server has used (µs). */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  readonly env: Record<string, string>;
  /** Writes a V8 CPU profile of the server into this folder when it stops. */
  readonly profileDir?: string | undefined;
}

const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts a server entry (see serve-in-child.ts) in its own Node process, so the server never
 * shares the load generator's event loop, and resolves once it listens.
 */
export async function startChildServer(entry: URL, options: ChildServerOptions): Promise<ChildServer> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  // The parent's execArgv carries tsx's loader, so the child runs the TypeScript entry as is.
  const child = fork(entry, [], {
    env: { ...process.env, ...options.env },
    execArgv: [...process.execArgv, ...profile],
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
    settle: async () => {
      const settled = nextMessage('settled');
      send({ type: 'settle' });
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
