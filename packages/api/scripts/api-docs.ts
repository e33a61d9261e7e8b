// `pnpm api:docs`: writes docs/api.md from the router; `--check` fails when it is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { API_DOCS_PATH, generateApiDocs } from '../src/docs/generate-api-docs.ts';

const { markdown, undescribed } = await generateApiDocs();
if (undescribed.length) {
  console.warn(`[api:docs] no description for: ${undescribed.join(', ')}`);
  console.warn('[api:docs] add .meta({ description }) or an entry in src/docs/procedure-descriptions.ts');
}
if (process.argv.includes('--check')) {
  const current = await readFile(API_DOCS_PATH, 'utf8').catch(() => '');
  if (current !== markdown) {
    console.error('[api:docs] docs/api.md is out of date: run pnpm api:docs');
    process.exitCode = 1;
  } else {
    console.log('[api:docs] docs/api.md is up to date');
  }
} else {
  await writeFile(API_DOCS_PATH, markdown);
  console.log(`[api:docs] wrote ${API_DOCS_PATH}`);
}
