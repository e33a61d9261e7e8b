import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USERNAME_PATTERN } from './account.ts';
import { baseUsername, usernameCandidates } from './oauth-username.ts';

const none = { preferredUsername: null, name: null, email: null, provider: 'google' };

describe('baseUsername', () => {
  it.each([
    [{ ...none, preferredUsername: 'Ada.Lovelace' }, 'ada.lovelace'],
    [{ ...none, name: 'José Núñez' }, 'jose_nunez'],
    [{ ...none, name: '  --Grace  Hopper!! ' }, 'grace_hopper'],
    [{ ...none, email: 'first.last+tag@example.com' }, 'first.last_tag'],
    [{ ...none, name: '山田太郎', email: 'yamada@example.jp' }, 'yamada'],
    [{ ...none, name: '山田', provider: 'corp-sso' }, 'corp_sso_user'],
    [{ ...none, preferredUsername: 'x', name: 'Al Bo' }, 'al_bo'],
  ])('derives %j → %s', (sources, expected) => {
    expect(baseUsername(sources)).toBe(expected);
  });

  it('keeps at most 25 characters so a suffix still fits', () => {
    expect(baseUsername({ ...none, name: 'a'.repeat(40) })).toBe('a'.repeat(25));
  });

  it('always satisfies the username rule, with or without a four-digit suffix', () => {
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: null });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/),
        fc.integer({ min: 1000, max: 9999 }),
        (preferredUsername, name, email, provider, suffix) => {
          const base = baseUsername({ preferredUsername, name, email, provider });
          for (const candidate of usernameCandidates(base, [suffix])) {
            expect(candidate).toMatch(USERNAME_PATTERN);
          }
        },
      ),
    );
  });
});

describe('usernameCandidates', () => {
  it('tries the base first, then each suffix', () => {
    expect(usernameCandidates('ada', [1234, 5678])).toEqual(['ada', 'ada_1234', 'ada_5678']);
  });
});
