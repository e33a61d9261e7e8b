import type { Account } from '@questline/domain/identity/universal/account';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { useTRPC, type TRPC } from './trpc.ts';

/**
 * The app's cached queries that belong to the signed-in account, e.g. `(trpc) => [trpc.game.pathFilter()]`:
 * they are dropped whenever the account changes, so one account's data never shows under another.
 */
export type AccountQueries = (trpc: TRPC) => readonly ReturnType<TRPC['pathFilter']>[];

export interface SessionOptions {
  readonly accountQueries: AccountQueries;
}

/** Provided once by `renderApp`. */
export const SessionOptionsContext = createContext<SessionOptions | null>(null);

/** Keeps the cached session (`auth.me`) in step with sign-in and sign-out. */
export function useSessionCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = use(SessionOptionsContext);
  if (!options) throw new Error('useSessionCache needs the SessionOptionsContext that renderApp provides');
  const forgetAccountData = () => {
    for (const filter of options.accountQueries(trpc)) queryClient.removeQueries(filter);
  };
  return {
    signedIn(account: Account) {
      forgetAccountData();
      queryClient.setQueryData(trpc.auth.me.queryKey(), account);
    },
    signedOut() {
      forgetAccountData();
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    },
  };
}

/** Signs out, then empties the session cache; `onSignedOut` is for what the app does next (e.g. navigate). */
export function useSignOut(onSignedOut?: () => void) {
  const trpc = useTRPC();
  const session = useSessionCache();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        session.signedOut();
        onSignedOut?.();
      },
    }),
  );
}
