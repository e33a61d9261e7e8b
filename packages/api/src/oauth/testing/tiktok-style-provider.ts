import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TikTokStyleProvider {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly userinfoEndpoint: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const subjectOfIdToken = (idToken: string): unknown =>
  JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')).sub;

/**
 * TikTok Login Kit's shape in front of a real OpenID Provider: `client_key` instead of `client_id`,
 * comma-separated scopes, no ID token, and the user id (`open_id`) only from the user info API
 * (`{ data: { user: { open_id, display_name } } }`). Requests naming `client_id` are refused.
 */
export async function startTikTokStyleProvider(issuer: string): Promise<TikTokStyleProvider> {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>> = {
    '/v2/auth/authorize/': async (_req, res, url) => {
      const query = new URLSearchParams(url.search);
      const clientKey = query.get('client_key');
      if (
        !clientKey ||
        query.has('client_id') ||
        query.get('scope') !== 'user.info.basic,user.info.profile'
      ) {
        return send(res, 400, { error: 'invalid_request' });
      }
      query.delete('client_key');
      query.set('client_id', clientKey);
      query.set('scope', 'openid profile');
      res.writeHead(302, { location: `${issuer}/auth?${query}` });
      res.end();
    },
    '/v2/oauth/token/': async (req, res) => {
      const form = await formOf(req);
      const clientKey = form.get('client_key');
      if (!clientKey || form.has('client_id')) return send(res, 400, { error: 'invalid_client' });
      form.delete('client_key');
      form.set('client_id', clientKey);
      const upstream = await fetch(`${issuer}/token`, { method: 'POST', body: form });
      const tokens = (await upstream.json()) as Record<string, unknown>;
      if (!upstream.ok || typeof tokens.id_token !== 'string') return send(res, upstream.status, tokens);
      const { id_token: idToken, ...rest } = tokens;
      send(res, 200, {
        ...rest,
        scope: 'user.info.basic,user.info.profile',
        open_id: subjectOfIdToken(idToken),
      });
    },
    '/v2/user/info/': async (req, res) => {
      const upstream = await fetch(`${issuer}/me`, {
        headers: { authorization: req.headers.authorization ?? '' },
      });
      if (!upstream.ok) return send(res, 401, { error: { code: 'access_token_invalid' } });
      const claims = (await upstream.json()) as { sub: string; name?: string };
      send(res, 200, {
        data: { user: { open_id: claims.sub, display_name: claims.name } },
        error: { code: 'ok', message: '' },
      });
    },
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    if (!route) return send(res, 404, { error: 'not_found' });
    route(req, res, url).catch(() => send(res, 500, { error: 'server_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorizationEndpoint: `${base}/v2/auth/authorize/`,
    tokenEndpoint: `${base}/v2/oauth/token/`,
    userinfoEndpoint: `${base}/v2/user/info/?fields=open_id,display_name`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
