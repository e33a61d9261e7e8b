import type { ReactNode } from 'react';
import { apiErrorMessage } from '../api/errors.ts';
import { useSignOut } from '../api/session.ts';
import { FormAlert } from './FormAlert.tsx';

interface SiteHeaderProps {
  /** The app's own class, for its colours. */
  readonly className?: string;
  /** The left side: the app's name, as a link home or as text. */
  readonly brand: ReactNode;
  readonly username: string;
  /** Runs after a successful sign-out, once the session cache is empty. */
  readonly onSignedOut?: () => void;
}

/** The header of the signed-in pages: brand, then who is signed in and a way to sign out. */
export function SiteHeader({ className, brand, username, onSignedOut }: SiteHeaderProps) {
  const signOut = useSignOut(onSignedOut);
  return (
    <header className={className ? `site-header ${className}` : 'site-header'}>
      <div className="site-header-inner">
        {brand}
        <div className="site-header-account">
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
