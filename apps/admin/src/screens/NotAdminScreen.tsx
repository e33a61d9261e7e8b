import { apiErrorMessage } from '@questline/ui/api/errors';
import { useSignOut } from '@questline/ui/api/session';
import { AuthCard } from '@questline/ui/components/AuthCard';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { AuthHeading } from '../components/AuthHeading.tsx';

export function NotAdminScreen({ username }: { readonly username: string }) {
  const signOut = useSignOut();
  return (
    <AuthCard heading={<AuthHeading />}>
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
