import { apiErrorMessage } from '../api/errors.ts';
import { useSignOut } from '../api/session.ts';
import { FormAlert } from './FormAlert.tsx';

export function AdminHeader({ username }: { readonly username: string }) {
  const signOut = useSignOut();
  return (
    <header className="admin-header">
      <div className="admin-header-inner">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>Questline admin</span>
        </p>
        <div className="admin-header-account">
          <span className="username">{username}</span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </div>
      {signOut.isError && <FormAlert message={apiErrorMessage(signOut.error)} />}
    </header>
  );
}
