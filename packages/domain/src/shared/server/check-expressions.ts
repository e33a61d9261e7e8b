// CHECK expressions written the way PostgreSQL prints them back, so the schema diff behind
// `pnpm db:check` sees no change where there is none (`x in (…)` is stored as `x = ANY (ARRAY[…])`).
export function columnIsOneOf(column: string, values: readonly (string | number)[]): string {
  const items = values.map((value) =>
    typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`,
  );
  return `${column} = any (array[${items.join(', ')}])`;
}
