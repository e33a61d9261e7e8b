import { randomBytes } from 'node:crypto';
import type { SignUpInput } from '../../universal/account.ts';

/** Sign-up input that no other test uses, so test files can share nothing and run in parallel. */
export function uniqueSignUpInput(overrides: Partial<SignUpInput> = {}): SignUpInput {
  const id = randomBytes(5).toString('hex');
  return {
    email: `learner.${id}@example.test`,
    username: `learner_${id}`,
    password: `correct horse ${id}`,
    ...overrides,
  };
}
