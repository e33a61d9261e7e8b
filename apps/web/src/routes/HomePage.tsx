import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { apiErrorMessage } from '../api/errors.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { LevelCard } from '../components/LevelCard.tsx';
import { useTRPC } from '../trpc.ts';

export function HomePage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <main className="centered-page">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="centered-page">
        <FormAlert message={apiErrorMessage(me.error)} />
        <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  if (!me.data) return <Navigate to="/signin" replace />;

  const { username } = me.data;
  return (
    <>
      <title>Home · Questline</title>
      <AppHeader username={username} />
      <main className="home">
        <h1>Welcome, {username}</h1>
        <LevelCard />
      </main>
    </>
  );
}
