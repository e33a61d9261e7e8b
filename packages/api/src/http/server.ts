import type { MikroORM } from '@mikro-orm/postgresql';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { authSettingsFromEnv } from '../auth-settings.ts';
import { createInnerContext, type SessionCookieWriter } from '../context.ts';
import type { Env } from '../env.ts';
import { createOAuthRoutes, OAUTH_ROUTE_PREFIX } from '../oauth/routes.ts';
import type { RedisHandle } from '../redis.ts';
import { createRedisStandingsMirror } from '../redis/standings-mirror.ts';
import { createRedisStatsCache } from '../redis/stats-cache.ts';
import { createInProcessRateLimiter } from '../rate-limit/in-process-limiter.ts';
import { createRedisRateLimiter } from '../rate-limit/redis-limiter.ts';
import { retryAfterHeaders } from '../rate-limit/retry-after.ts';
import { appRouter } from '../root.ts';
import { expiredSessionCookie, readSessionToken, sessionCookie } from './cookies.ts';
import { databaseHealth, liveness, readiness, type HealthDeps, type HealthReport } from './health.ts';
import { clientIp, isHttps } from './request-meta.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { sendJson } from './send.ts';
import { sendInOneWrite } from './single-write.ts';
import { singlePageApp } from './static-apps.ts';
import { isUploadedArtworkPath, serveUploadedArtwork } from './uploaded-artwork.ts';

export interface RequestListenerOptions {
  readonly orm: MikroORM;
  readonly env: Env;
  readonly redis: RedisHandle | null;
  readonly webDist: string;
  readonly adminDist: string;
  readonly startedAt?: Date;
}

interface RequestState {
  readonly requestId: string;
  readonly secureCookies: boolean;
}

export function createRequestListener(options: RequestListenerOptions): RequestListener {
  const { orm, env } = options;
  const state = new WeakMap<IncomingMessage, RequestState>();
  const health: HealthDeps = { orm, redis: options.redis, startedAt: options.startedAt ?? new Date() };
  const healthRoutes: Record<string, () => HealthReport | Promise<HealthReport>> = {
    '/health': () => liveness(health),
    '/health/database': () => databaseHealth(health),
    '/health/ready': () => readiness(health),
  };
  const ports = options.redis
    ? {
        standingsMirror: createRedisStandingsMirror(options.redis.client),
        statsCache: createRedisStatsCache(options.redis.client),
      }
    : {};
  const rateLimiter = options.redis
    ? createRedisRateLimiter(options.redis.client, createInProcessRateLimiter())
    : createInProcessRateLimiter();
  const auth = authSettingsFromEnv(env);
  const oauth = createOAuthRoutes({ orm, env });
  const web = singlePageApp(options.webDist, 'web');
  const admin = singlePageApp(options.adminDist, 'admin');

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: env.BODY_LIMIT_BYTES,
    maxBatchSize: env.MAX_BATCH_SIZE,
    responseMeta: retryAfterHeaders,
    createContext: ({ req, res }) => {
      const { requestId, secureCookies } = state.get(req) ?? {
        requestId: randomUUID(),
        secureCookies: false,
      };
      const sessionCookieWriter: SessionCookieWriter = {
        set: (token, expiresAt) =>
          res.appendHeader('Set-Cookie', sessionCookie(token, expiresAt, secureCookies)),
        clear: () => res.appendHeader('Set-Cookie', expiredSessionCookie(secureCookies)),
      };
      return createInnerContext({
        em: orm.em.fork(),
        sessionToken: readSessionToken(req.headers.cookie),
        requestId,
        meta: { userAgent: req.headers['user-agent'], ip: clientIp(req, env.TRUST_PROXY) },
        sessionCookie: sessionCookieWriter,
        ports,
        oauthProviders: oauth.providers,
        rateLimiter,
        auth,
      });
    },
  });

  const route = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const healthRoute = healthRoutes[pathname];
    if (healthRoute) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED' });
      const report = await healthRoute();
      return sendJson(res, report.httpStatus, report.body);
    }
    if (pathname.startsWith('/trpc/')) {
      const declaredLength = Number(req.headers['content-length'] ?? 0);
      if (declaredLength > env.BODY_LIMIT_BYTES) return sendJson(res, 413, { error: 'PAYLOAD_TOO_LARGE' });
      sendInOneWrite(res);
      return trpc(req, res);
    }
    if (pathname.startsWith(OAUTH_ROUTE_PREFIX)) {
      const { requestId, secureCookies } = state.get(req) ?? { requestId: '-', secureCookies: false };
      return oauth.handle(req, res, pathname, { requestId, secureCookies });
    }
    if (pathname === '/trpc' || pathname.startsWith('/health/'))
      return sendJson(res, 404, { error: 'NOT_FOUND' });
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED' });
    if (isUploadedArtworkPath(pathname)) return serveUploadedArtwork(req, res, pathname);
    if (pathname === '/admin') {
      res.writeHead(301, { Location: '/admin/' });
      return void res.end();
    }
    const notFound = () => sendJson(res, 404, { error: 'NOT_FOUND' });
    if (pathname.startsWith('/admin/')) {
      req.url = req.url?.slice('/admin'.length) || '/';
      return admin(req, res, notFound);
    }
    return web(req, res, notFound);
  };

  return (req, res) => {
    const requestId = randomUUID();
    const https = isHttps(req, env.TRUST_PROXY);
    const secureCookies = env.COOKIE_SECURE === 'auto' ? https : env.COOKIE_SECURE === 'true';
    state.set(req, { requestId, secureCookies });
    res.setHeader('X-Request-Id', requestId);
    applySecurityHeaders(res, https);
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return sendJson(res, 400, { error: 'BAD_REQUEST' });
    }
    route(req, res, pathname).catch((error: unknown) => {
      console.error(`[http] request ${requestId} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', requestId });
      else res.destroy();
    });
  };
}
