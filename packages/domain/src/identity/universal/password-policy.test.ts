import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account.ts';
import { emailLocalPart, passwordProblem, type PasswordOwner } from './password-policy.ts';

const owner: PasswordOwner = { email: 'Ana.Lopez@example.test', username: 'ana_learns' };
const shortList = new Set(['password123', 'iloveyou2']);
const isCommon = (lowerCased: string) => shortList.has(lowerCased);
const codeOf = (password: string, who: PasswordOwner = owner) =>
  passwordProblem(password, who, isCommon)?.code ?? null;

describe('passwordProblem', () => {
  it.each([
    ['correct horse battery', null],
    ['12345678'.slice(0, 7), 'PASSWORD_TOO_SHORT'],
    ['🔑🔑🔑🔑🔑🔑🔑', 'PASSWORD_TOO_SHORT'], // 7 characters, 14 UTF-16 units
    ['🔑🔑🔑🔑🔑🔑🔑🔑', null],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'PASSWORD_TOO_LONG'],
    ['x'.repeat(PASSWORD_MAX_LENGTH), null],
    ['PASSWORD123', 'PASSWORD_TOO_COMMON'], // the list is compared case-insensitively
    ['iloveyou2', 'PASSWORD_TOO_COMMON'],
    ['my ana.lopez@example.test!', 'PASSWORD_CONTAINS_EMAIL'],
    ['xx ANA.LOPEZ xx', 'PASSWORD_CONTAINS_EMAIL'],
    ['secret Ana_Learns 9', 'PASSWORD_CONTAINS_USERNAME'],
    ['ana lopez learns', null], // neither the local part nor the username appears as such
  ])('%j → %s', (password, code) => {
    expect(codeOf(password)).toBe(code);
  });

  it('points at the password field with a BAD_INPUT kind and a readable message', () => {
    const found = passwordProblem('short', owner, isCommon);
    expect(found).toMatchObject({
      kind: 'BAD_INPUT',
      message: `At least ${PASSWORD_MIN_LENGTH} characters`,
      details: { path: ['password'], min: PASSWORD_MIN_LENGTH },
    });
  });

  it('ignores an email local part too short to mean anything', () => {
    expect(codeOf('jo is my friend', { email: 'jo@example.test', username: 'someone_else' })).toBeNull();
  });

  it('reads the local part as everything before the last @', () => {
    expect(emailLocalPart(' "odd@name"@Example.test ')).toBe('"odd@name"');
    expect(emailLocalPart('no-at-sign')).toBe('no-at-sign');
  });
});

describe('passwordProblem properties', () => {
  const username = fc.stringMatching(/^[A-Za-z0-9_.]{3,30}$/);
  const localPart = fc.stringMatching(/^[a-z0-9.]{3,20}$/);

  it('accepts no password that contains the username, in any casing', () => {
    fc.assert(
      fc.property(username, fc.string(), fc.string(), fc.boolean(), (name, before, after, upper) => {
        const password = `${before}${upper ? name.toUpperCase() : name.toLowerCase()}${after}`;
        const code = codeOf(password, { email: 'someone@example.test', username: name });
        expect(code).not.toBeNull();
        if (Array.from(password).length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH) {
          expect(['PASSWORD_CONTAINS_USERNAME', 'PASSWORD_CONTAINS_EMAIL']).toContain(code);
        }
      }),
    );
  });

  it('accepts no password that contains the email local part', () => {
    fc.assert(
      fc.property(localPart, fc.string({ minLength: 8 }), (local, rest) => {
        const code = codeOf(`${rest}${local.toUpperCase()}`, { email: `${local}@x.test`, username: 'zzz_q' });
        if (Array.from(`${rest}${local}`).length <= PASSWORD_MAX_LENGTH)
          expect(code).toBe('PASSWORD_CONTAINS_EMAIL');
      }),
    );
  });

  it('judges length by characters: within 8–128, only the other rules can refuse', () => {
    const character = fc.constantFrom('a', 'Z', '7', ' ', 'ж', '字', '🔑', '👍🏿');
    fc.assert(
      fc.property(fc.array(character, { minLength: 1, maxLength: 200 }), (parts) => {
        const password = parts.join('');
        const length = Array.from(password).length;
        const code = passwordProblem(password, { email: 'q@q.test', username: 'qqq' }, () => false)?.code;
        if (length < PASSWORD_MIN_LENGTH) expect(code).toBe('PASSWORD_TOO_SHORT');
        else if (length > PASSWORD_MAX_LENGTH) expect(code).toBe('PASSWORD_TOO_LONG');
        else if (!password.toLowerCase().includes('qqq')) expect(code).toBeUndefined();
      }),
    );
  });
});
