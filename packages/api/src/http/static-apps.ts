import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// Vite fingerprints everything under assets/, so those can be cached forever; index.html never.
function setCacheHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader(
    'Cache-Control',
    pathname.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/** Serves a built single-page app from `folder`, falling back to its index.html for client routes. */
export function singlePageApp(folder: string, name: string): Handler {
  if (!existsSync(join(folder, 'index.html'))) {
    return (_req, res) => {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`The ${name} app is not built yet: run "pnpm build" (or "pnpm start").`);
    };
  }
  return sirv(folder, { single: true, etag: true, gzip: true, brotli: true, setHeaders: setCacheHeaders });
}
