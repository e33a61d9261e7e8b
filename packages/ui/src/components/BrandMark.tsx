/** The star in front of the product's name. */
export function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      ★
    </span>
  );
}
