/** A knex-style statement (`?` placeholders, as the services write them) in pg's `$n` form. */
export function toPgPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}
