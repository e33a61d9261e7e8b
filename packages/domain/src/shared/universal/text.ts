// PostgreSQL text and jsonb cannot hold U+0000: such input is refused as bad input up front,
// instead of failing the write with a database error.
export const withoutNul = (value: string): boolean => !value.includes('\u0000');
export const NUL_MESSAGE = 'may not contain the NUL character';
