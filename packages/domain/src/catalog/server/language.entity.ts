import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const Language = defineEntity({
  name: 'Language',
  tableName: 'languages',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    /** ISO 639-1. */
    code: p.string().length(2).unique('languages_code_unique'),
    englishName: p.string().length(100),
    nativeName: p.string().length(100),
    flag: p.string().length(16),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  checks: [{ name: 'languages_code_format', expression: `code ~ '^[a-z]{2}$'` }],
});
export type Language = InferEntity<typeof Language>;
