import { BrandMark } from '@questline/ui/components/BrandMark';

/** The heading of the signed-out screens' card: the console's name. */
export function AuthHeading() {
  return (
    <div className="auth-title">
      <BrandMark />
      <h1>Questline admin</h1>
    </div>
  );
}
