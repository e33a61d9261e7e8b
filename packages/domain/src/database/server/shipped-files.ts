import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProjectRoot } from './project-paths.ts';

/**
 * A data file shipped in packages/domain/src (seed CSVs …), found both when running from source
 * and from the server bundle, whose own location says nothing about the source tree.
 */
export function shippedDomainFile(pathInSrc: string): string {
  const candidates = [
    fileURLToPath(new URL(`../../${pathInSrc}`, import.meta.url)),
    join(findProjectRoot(), 'packages', 'domain', 'src', pathInSrc),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`shipped file ${pathInSrc} not found (looked in ${candidates.join(', ')})`);
  return found;
}
