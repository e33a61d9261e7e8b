import { apiErrorMessage } from '@questline/ui/api/errors';
import { useTRPC } from '@questline/ui/api/trpc';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { useMutation, useQuery } from '@tanstack/react-query';

/** For a signed-in learner whose email is not verified yet: asks for a fresh link. */
export function ResendVerification() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());

  const account = me.data;
  if (!account || account.isVerified) return null;
  return (
    <section className="resend-verification" aria-labelledby="resend-verification-title">
      <h2 id="resend-verification-title">Need a new link?</h2>
      {resend.isSuccess ? (
        <p role="status">We sent a new link to {account.email}.</p>
      ) : (
        <>
          <FormAlert message={resend.isError ? apiErrorMessage(resend.error) : null} />
          <button
            type="button"
            className="button button-primary"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            Send a new verification email
          </button>
        </>
      )}
    </section>
  );
}
