import type { ReactNode } from 'react';

/** The centred card that frames the sign-in and sign-up forms. */
export function AuthCard({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <main className="auth-page">
      <title>{`${title} · Questline`}</title>
      <div className="auth-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>Questline</span>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
