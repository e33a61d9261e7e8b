// Child process: the baseline — plain node:http and pg, no framework. It takes the same request
// shape as tRPC (GET ?input= for queries, a POST body for mutations, superjson's {"json": …}
// envelope), resolves the session cookie with the same SQL, runs the path's raw implementation
// and answers JSON in tRPC's envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { HTTP_PATHS } from './http-paths.ts';
import { resolveRawSession } from './raw-session.ts';
import { childSetting, serveInChild } from './serve-in-child.ts';

const pool = new pg.Pool({
  connectionString: childSetting('BENCH_SERVER_DATABASE_URL'),
  max: Number(childSetting('BENCH_SERVER_POOL_SIZE')),
});
pool.on('error', (error) => console.error('[raw server] idle client error', error));
const byProcedure = new Map(HTTP_PATHS.map((path) => [path.procedure, path]));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = byProcedure.get(url.pathname.slice('/trpc/'.length));
  if (!path) return send(res, 404, { error: 'NOT_FOUND' });
  if (req.method !== (path.kind === 'query' ? 'GET' : 'POST')) return send(res, 405, { error: 'METHOD' });
  const encoded = path.kind === 'query' ? url.searchParams.get('input') : await readBody(req);
  const input: unknown = encoded ? (JSON.parse(encoded) as { json?: unknown }).json : undefined;
  const user = await resolveRawSession(pool, req.headers.cookie, new Date());
  if (!user) return send(res, 401, { error: 'UNAUTHORIZED' });
  send(res, 200, { result: { data: { json: await path.raw(pool, user.id, input) } } });
}

await serveInChild(
  (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[raw server] request failed:', error);
      if (!res.headersSent) send(res, 500, { error: 'INTERNAL_SERVER_ERROR' });
    });
  },
  {
    databaseIdle: () => pool.waitingCount === 0 && pool.idleCount === pool.totalCount,
    close: () => pool.end(),
  },
);
