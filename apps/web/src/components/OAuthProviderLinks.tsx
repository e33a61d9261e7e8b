import { useTRPC } from '@questline/ui/api/trpc';
import { useQuery } from '@tanstack/react-query';

/** "Continue with …" for each configured provider; nothing while loading, on error or with none. */
export function OAuthProviderLinks() {
  const trpc = useTRPC();
  const providers = useQuery(trpc.auth.oauthProviders.queryOptions());
  if (!providers.data || providers.data.length === 0) return null;
  return (
    <ul className="oauth-providers" aria-label="Other ways to sign in">
      {providers.data.map((provider) => (
        <li key={provider.id}>
          <a
            className="button button-quiet"
            href={`/auth/oauth/${encodeURIComponent(provider.id)}/start?returnTo=/`}
          >
            Continue with {provider.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
