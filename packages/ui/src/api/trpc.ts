import type { AppRouter } from '@questline/api/root';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, isTRPCClientError } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** What `useTRPC()` returns: query options, keys and filters for every procedure. */
export type TRPC = TRPCOptionsProxy<AppRouter>;

// Both apps are served by the API's own origin (Vite proxies /trpc in development).
export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', transformer: superjson, maxItems: 10 })],
  });
}

// A 4xx answer will not change on retry; only network trouble and server errors are worth another try.
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = isTRPCClientError(error) ? error.data?.httpStatus : undefined;
  if (typeof status === 'number' && status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
