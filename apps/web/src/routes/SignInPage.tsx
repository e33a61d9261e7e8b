import { oauthFailureMessage } from '@questline/ui/api/oauth-failure';
import { AuthCard } from '@questline/ui/components/AuthCard';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { SignInForm } from '@questline/ui/components/SignInForm';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthHeading } from '../components/AuthHeading.tsx';
import { OAuthProviderLinks } from '../components/OAuthProviderLinks.tsx';

export function SignInPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  // The OAuth callback lands here with `?error=<code>` when signing in at a provider failed.
  const oauthError = searchParams.get('error');
  return (
    <AuthCard heading={<AuthHeading title="Sign in" />}>
      <FormAlert message={oauthError === null ? null : oauthFailureMessage(oauthError)} />
      <OAuthProviderLinks />
      <SignInForm onSignedIn={() => void navigate('/', { replace: true })} />
      <p className="auth-switch">
        New to Questline? <Link to="/signup">Create an account</Link>
      </p>
    </AuthCard>
  );
}
