import type { ReactNode } from 'react';

/** The centred card for the screens shown before the user list: sign-in and the wrong-account notice. */
export function AuthCard({ children }: { readonly children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-title">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <h1>Questline admin</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
