import { SessionGate } from '@questline/ui/components/SessionGate';
import { NotAdminScreen } from './screens/NotAdminScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { UsersScreen } from './screens/UsersScreen.tsx';

// One screen at a time, chosen by who is signed in: no router is needed.
export function App() {
  return (
    <SessionGate>
      {(account) => {
        if (!account) return <SignInScreen />;
        if (account.role !== 'admin') return <NotAdminScreen username={account.username} />;
        return <UsersScreen username={account.username} />;
      }}
    </SessionGate>
  );
}
