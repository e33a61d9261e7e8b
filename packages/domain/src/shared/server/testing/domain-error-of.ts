import { expect } from 'vitest';
import { DomainError } from '../../universal/domain-error.ts';

/** The DomainError `promise` rejects with; fails the test when it resolves or rejects otherwise. */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
