import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-to.ts';

describe('safeReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/courses/spanish?unit=2#lesson-3', '/courses/spanish?unit=2#lesson-3'],
    ['/a/../b', '/b'],
    // An encoded backslash stays a path segment on this site.
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('keeps the same-site path %s', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    null,
    '',
    'courses',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    `/${'a'.repeat(600)}`,
  ])('refuses %j and falls back to /', (raw) => {
    expect(safeReturnPath(raw)).toBe('/');
  });
});
