import { AuthCard } from '@questline/ui/components/AuthCard';
import { SignInForm } from '@questline/ui/components/SignInForm';
import { AuthHeading } from '../components/AuthHeading.tsx';

// Signing in updates the cached session, and App then shows the screen for that account.
export function SignInScreen() {
  return (
    <AuthCard heading={<AuthHeading />}>
      <SignInForm />
    </AuthCard>
  );
}
