import { SessionGate } from '@questline/ui/components/SessionGate';
import { Navigate } from 'react-router';
import { AppHeader } from '../components/AppHeader.tsx';
import { LevelCard } from '../components/LevelCard.tsx';

export function HomePage() {
  return (
    <SessionGate>
      {(account) =>
        account ? (
          <>
            <title>Home · Questline</title>
            <AppHeader username={account.username} />
            <main className="home">
              <h1>Welcome, {account.username}</h1>
              <LevelCard />
            </main>
          </>
        ) : (
          <Navigate to="/signin" replace />
        )
      }
    </SessionGate>
  );
}
