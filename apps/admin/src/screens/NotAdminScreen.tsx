import { apiErrorMessage } from '../api/errors.ts';
import { useSignOut } from '../api/session.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { FormAlert } from '../components/FormAlert.tsx';

export function NotAdminScreen({ username }: { readonly username: string }) {
  const signOut = useSignOut();
  return (
    <AuthCard>
      <div role="alert" className="alert">
        You are signed in as {username}. This account is not an admin.
      </div>
      <button
        type="button"
        className="button button-primary"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
      {signOut.isError && <FormAlert message={apiErrorMessage(signOut.error)} />}
    </AuthCard>
  );
}
