import { fork } from 'node:child_process';
import { once } from 'node:events';

export interface ChildServer {
  readonly url: string;
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
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port?: number }) =>
      message.port
        ? resolve(message.port)
        : reject(new Error(`unexpected message ${JSON.stringify(message)}`)),
    );
    child.once('exit', (code) => reject(new Error(`${entry.pathname} exited with ${code} before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.send({ stop: true });
      await exited;
      clearTimeout(force);
    },
  };
}
