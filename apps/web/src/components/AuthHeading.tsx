import { BrandMark } from '@questline/ui/components/BrandMark';

/** The heading of the signed-out pages' card: the brand, then the page's title (also the tab's). */
export function AuthHeading({ title }: { readonly title: string }) {
  return (
    <>
      <title>{`${title} · Questline`}</title>
      <p className="brand">
        <BrandMark />
        <span>Questline</span>
      </p>
      <h1>{title}</h1>
    </>
  );
}
