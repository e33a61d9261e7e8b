import { BrandMark } from '@questline/ui/components/BrandMark';
import { SiteHeader } from '@questline/ui/components/SiteHeader';

export function AdminHeader({ username }: { readonly username: string }) {
  return (
    <SiteHeader
      className="admin-header"
      brand={
        <p className="brand">
          <BrandMark />
          <span>Questline admin</span>
        </p>
      }
      username={username}
    />
  );
}
