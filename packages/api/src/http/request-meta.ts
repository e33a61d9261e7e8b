import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const firstForwarded = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;

/** The client's address: the proxy's X-Forwarded-For only when the proxy is trusted. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = firstForwarded(req.headers['x-forwarded-for']);
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? undefined;
}

export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted) return true;
  return trustProxy && firstForwarded(req.headers['x-forwarded-proto']) === 'https';
}
