import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@questline/api/root';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

export type { AppRouter };
export type QuestlineClient = TRPCClient<AppRouter>;
/** Every procedure's input, by path: `RouterInputs['habits']['checkIn']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output, by path: `RouterOutputs['game']['summary']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export interface QuestlineClientOptions {
  /** Where the platform runs, e.g. http://localhost:3000 (the client calls `${baseUrl}/trpc`). */
  readonly baseUrl: string;
  /** Defaults to a fetch that keeps the session cookie between calls, as a browser would. */
  readonly fetch?: typeof fetch;
  readonly headers?: Record<string, string>;
}

/** The typed internal client: the same superjson transformer as the server, so Dates stay Dates. */
export function createQuestlineClient(options: QuestlineClientOptions): QuestlineClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/$/, '')}/trpc`,
        transformer: superjson,
        // Stays under the server's MAX_BATCH_SIZE default (16).
        maxItems: 10,
        fetch: options.fetch ?? createCookieFetch(),
        headers: () => options.headers ?? {},
      }),
    ],
  });
}

/** A fetch that stores cookies the server sets and sends them back: sign in once, then call. */
export function createCookieFetch(baseFetch: typeof fetch = fetch): typeof fetch {
  const cookies = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size)
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await baseFetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (!name) continue;
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
}
