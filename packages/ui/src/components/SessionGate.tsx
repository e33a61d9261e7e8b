import type { Account } from '@questline/domain/identity/universal/account';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { apiErrorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { FormAlert } from './FormAlert.tsx';

interface SessionGateProps {
  /** Given the signed-in account, or null when nobody is signed in. */
  readonly children: (account: Account | null) => ReactNode;
}

/** Asks who is signed in (`auth.me`); shows the wait and a way to retry, then lets the app choose its screen. */
export function SessionGate({ children }: SessionGateProps) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <main className="centered-page">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="centered-page">
        <FormAlert message={apiErrorMessage(me.error)} />
        <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  return children(me.data);
}
