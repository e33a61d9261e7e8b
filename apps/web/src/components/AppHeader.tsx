import { BrandMark } from '@questline/ui/components/BrandMark';
import { SiteHeader } from '@questline/ui/components/SiteHeader';
import { Link, useNavigate } from 'react-router';

export function AppHeader({ username }: { readonly username: string }) {
  const navigate = useNavigate();
  return (
    <SiteHeader
      className="app-header"
      brand={
        <Link to="/" className="brand">
          <BrandMark />
          <span>Questline</span>
        </Link>
      }
      username={username}
      onSignedOut={() => void navigate('/signin', { replace: true })}
    />
  );
}
