import type { Account } from '@questline/domain/identity/universal/account';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../trpc.ts';

/** Puts a fresh session into the cache; another account's game data must not linger. */
export function useSessionCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    signedIn(account: Account) {
      queryClient.removeQueries(trpc.game.pathFilter());
      queryClient.setQueryData(trpc.auth.me.queryKey(), account);
    },
    signedOut() {
      queryClient.removeQueries(trpc.game.pathFilter());
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    },
  };
}

export function useSignOut() {
  const trpc = useTRPC();
  const session = useSessionCache();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        session.signedOut();
        void navigate('/signin', { replace: true });
      },
    }),
  );
}
