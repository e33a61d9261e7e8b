import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionOptionsContext, type SessionOptions } from '../api/session.ts';
import { createApiClient, createQueryClient, TRPCProvider } from '../api/trpc.ts';

/** Mounts `app` on index.html's #root, with the query cache, the tRPC client and the session options. */
export function renderApp(app: ReactNode, sessionOptions: SessionOptions): void {
  const queryClient = createQueryClient();
  const trpcClient = createApiClient();

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');

  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <SessionOptionsContext value={sessionOptions}>{app}</SessionOptionsContext>
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
