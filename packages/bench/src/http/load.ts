import autocannon from 'autocannon';
import { SESSION_COOKIE_NAME } from '@questline/domain/identity/server/session-token';
import { percentile, round } from '../measure.ts';
import type { HttpPath } from './http-path.ts';

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the run. */
  readonly throughputPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ok: number;
  /** Non-2xx answers (a request the prepared supply could not fill is one) and transport errors. */
  readonly failures: number;
  readonly firstFailure?: string | undefined;
}

// Bench inputs are plain JSON (numbers, strings, arrays), which superjson sends as {"json": …}
// with no meta; a Date in an input would need superjson itself. No input, no envelope.
function encodeRequest(path: HttpPath, token: string, input: unknown) {
  const cookie = `${SESSION_COOKIE_NAME}=${encodeURIComponent(token)}`;
  const envelope = input === undefined ? '' : JSON.stringify({ json: input });
  return path.kind === 'query'
    ? {
        method: 'GET' as const,
        path: `/trpc/${path.procedure}${envelope ? `?input=${encodeURIComponent(envelope)}` : ''}`,
        headers: { cookie },
      }
    : {
        method: 'POST' as const,
        path: `/trpc/${path.procedure}`,
        headers: { cookie, 'content-type': 'application/json' },
        body: envelope,
      };
}

/** The next request to send: its learner's session token and the input, or undefined when none is left. */
export type NextRequest = () => { readonly token: string; readonly input: unknown } | undefined;

/**
 * Drives `url` with autocannon for a fixed time, every request built afresh by `next` (its
 * learner's cookie and input). Latency comes from each response's own timing (sub-millisecond),
 * not autocannon's whole-millisecond histogram.
 */
export function load(
  url: string,
  path: HttpPath,
  next: NextRequest,
  options: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let firstFailure: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            setupRequest: (request) => {
              const benchRequest = next();
              if (benchRequest)
                return { ...request, ...encodeRequest(path, benchRequest.token, benchRequest.input) };
              firstFailure ??= 'the prepared supply ran out';
              // Sent without a valid session: answered 401, so the run counts as failed.
              return { ...request, ...encodeRequest(path, 'supply-exhausted', undefined) };
            },
            onResponse: (status, body) => {
              if (status < 200 || status > 299) firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const ok = latencies.length;
        resolve({
          throughputPerSecond: round(ok / result.duration),
          p50Ms: round(percentile(latencies, 0.5)),
          p99Ms: round(percentile(latencies, 0.99)),
          ok,
          failures: result.non2xx + result.errors + result.timeouts,
          firstFailure,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode <= 299) latencies.push(responseTime);
    });
  });
}
