import { loadDotEnv } from '@questline/domain/database/server/project-paths';
import { loadEnv } from './env.ts';
import { startPlatform } from './platform.ts';

loadDotEnv();

const platform = await startPlatform(loadEnv()).catch((error: unknown) => {
  console.error(`[questline] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`[questline] serving on ${platform.url} (web at /, admin at /admin/)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[questline] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[questline] shutdown failed:', error);
        process.exit(1);
      },
    );
  });
}
