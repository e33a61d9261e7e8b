import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_DOCS_PATH, generateApiDocs } from './generate-api-docs.ts';

describe('docs/api.md', () => {
  it('lists every procedure of the router as it stands (run pnpm api:docs after changing one)', async () => {
    const { markdown } = await generateApiDocs();
    const current = await readFile(API_DOCS_PATH, 'utf8').catch(() => '(missing)');
    expect(current, 'docs/api.md is out of date: run pnpm api:docs').toBe(markdown);
  });
});
