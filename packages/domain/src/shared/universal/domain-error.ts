// One error taxonomy for every context: a stable code the clients can switch on, a kind the API
// maps to a transport status in exactly one place, and optional details (field paths, retry hints).
export type DomainErrorKind =
  | 'BAD_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'RATE_LIMITED';

export interface DomainErrorDetails {
  /** Path of the input field at fault, as in a validation issue (`['username']`). */
  readonly path?: readonly (string | number)[];
  readonly [key: string]: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
