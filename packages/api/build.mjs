// Bundles the server into dist/main.mjs: workspace packages are compiled in, npm packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'esm',
  sourcemap: true,
  // Keep MikroORM's class names (migrations are matched by name) and readable stack traces.
  keepNames: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@questline/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  banner: {
    // Bundled ESM has no require(); some CommonJS dependencies expect one.
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
