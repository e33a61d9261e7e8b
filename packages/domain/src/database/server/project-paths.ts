import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The workspace root: the nearest folder upward holding pnpm-workspace.yaml (the cwd when none does). */
export function findProjectRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

/** The git-ignored folder for local state (the embedded database), overridable with QUESTLINE_DATA_DIR. */
export function dataDirectory(): string {
  return process.env.QUESTLINE_DATA_DIR
    ? resolve(process.env.QUESTLINE_DATA_DIR)
    : join(findProjectRoot(), '.data');
}

/** Loads the workspace's `.env` when there is one; variables already set in the environment win. */
export function loadDotEnv(): void {
  const file = join(findProjectRoot(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
