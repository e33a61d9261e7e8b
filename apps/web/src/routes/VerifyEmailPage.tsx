import { apiErrorMessage } from '@questline/ui/api/errors';
import { useTRPC } from '@questline/ui/api/trpc';
import { AuthCard } from '@questline/ui/components/AuthCard';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthHeading } from '../components/AuthHeading.tsx';
import { ResendVerification } from '../components/ResendVerification.tsx';

const MISSING_TOKEN = 'This verification link is incomplete. Open the link from the email again.';

/** The page the verification email links to (`/verify-email?token=…`); it needs no session. */
export function VerifyEmailPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const token = searchToken(useSearchParams()[0]);
  const { mutate, ...verify } = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      // A signed-in learner's cached account still says "not verified".
      onSuccess: () => void queryClient.invalidateQueries(trpc.auth.me.queryFilter()),
    }),
  );

  // A link works once: the ref keeps a re-run effect (StrictMode, re-render) from spending it twice.
  const requestedToken = useRef<string | null>(null);
  useEffect(() => {
    if (!token || requestedToken.current === token) return;
    requestedToken.current = token;
    mutate({ token });
  }, [token, mutate]);

  return (
    <AuthCard heading={<AuthHeading title="Verify your email" />}>
      {verify.isSuccess ? (
        <>
          <p role="status">Your email is verified.</p>
          <Link to="/" className="button button-primary">
            Continue to Questline
          </Link>
        </>
      ) : token && !verify.isError ? (
        <p role="status" aria-busy="true">
          Verifying your email…
        </p>
      ) : (
        <>
          <FormAlert message={verify.isError ? apiErrorMessage(verify.error) : MISSING_TOKEN} />
          <ResendVerification />
          <p className="auth-switch">
            <Link to="/">Go to Questline</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}

function searchToken(searchParams: URLSearchParams): string | null {
  const token = searchParams.get('token')?.trim();
  return token ? token : null;
}
