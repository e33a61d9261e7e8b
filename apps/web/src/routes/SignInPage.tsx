import { AuthCard } from '@questline/ui/components/AuthCard';
import { SignInForm } from '@questline/ui/components/SignInForm';
import { Link, useNavigate } from 'react-router';
import { AuthHeading } from '../components/AuthHeading.tsx';

export function SignInPage() {
  const navigate = useNavigate();
  return (
    <AuthCard heading={<AuthHeading title="Sign in" />}>
      <SignInForm onSignedIn={() => void navigate('/', { replace: true })} />
      <p className="auth-switch">
        New to Questline? <Link to="/signup">Create an account</Link>
      </p>
    </AuthCard>
  );
}
