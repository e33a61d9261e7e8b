import type { Account } from '@questline/domain/identity/universal/account';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc.ts';

/** Keeps the cached session in step with sign-in and sign-out; admin data must not outlive its account. */
export function useSessionCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    signedIn(account: Account) {
      queryClient.removeQueries(trpc.admin.pathFilter());
      queryClient.setQueryData(trpc.auth.me.queryKey(), account);
    },
    signedOut() {
      queryClient.removeQueries(trpc.admin.pathFilter());
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    },
  };
}

export function useSignOut() {
  const trpc = useTRPC();
  const session = useSessionCache();
  return useMutation(trpc.auth.signOut.mutationOptions({ onSuccess: () => session.signedOut() }));
}
