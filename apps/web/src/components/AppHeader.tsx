import { Link } from 'react-router';
import { apiErrorMessage } from '../api/errors.ts';
import { useSignOut } from '../api/session.ts';
import { FormAlert } from './FormAlert.tsx';

export function AppHeader({ username }: { readonly username: string }) {
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>Questline</span>
        </Link>
        <div className="app-header-account">
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
