import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { assertAcceptablePassword, commonPasswordCount, isCommonPassword } from './common-passwords.ts';

const owner = { email: 'learner@example.test', username: 'learner_one' };

describe('the shipped common-password list', () => {
  it('holds well over ten thousand passwords the length rule would otherwise allow', () => {
    expect(commonPasswordCount()).toBeGreaterThan(10_000);
  });

  it.each(['password', 'PassWord', 'iloveyou', 'qwertyuiop', 'Trustno1', '1qaz2wsx', 'sunshine'])(
    'knows %j, in any casing',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['correct horse battery staple', 'questline-demo', 'admin password 1'])(
    'does not know %j',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});

describe('assertAcceptablePassword', () => {
  it('throws a DomainError with the policy code and the password path', () => {
    let caught: unknown;
    try {
      assertAcceptablePassword('Sunshine', owner);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      code: 'PASSWORD_TOO_COMMON',
      kind: 'BAD_INPUT',
      details: { path: ['password'] },
    });
  });

  it('lets an acceptable password through', () => {
    expect(() => assertAcceptablePassword('a long unusual phrase', owner)).not.toThrow();
  });
});
