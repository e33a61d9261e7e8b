import { useQuery } from '@tanstack/react-query';
import { apiErrorMessage } from './api/errors.ts';
import { FormAlert } from './components/FormAlert.tsx';
import { NotAdminScreen } from './screens/NotAdminScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { UsersScreen } from './screens/UsersScreen.tsx';
import { useTRPC } from './trpc.ts';

// One screen at a time, chosen by who is signed in: no router is needed.
export function App() {
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
  if (!me.data) return <SignInScreen />;
  if (me.data.role !== 'admin') return <NotAdminScreen username={me.data.username} />;
  return <UsersScreen username={me.data.username} />;
}
