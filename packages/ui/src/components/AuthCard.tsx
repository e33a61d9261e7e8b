import type { ReactNode } from 'react';

interface AuthCardProps {
  /** The app's brand and page title, above the card's content. */
  readonly heading: ReactNode;
  readonly children: ReactNode;
}

/** The centred card of the signed-out screens (sign-in, sign-up, the wrong-account notice). */
export function AuthCard({ heading, children }: AuthCardProps) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        {heading}
        {children}
      </div>
    </main>
  );
}
