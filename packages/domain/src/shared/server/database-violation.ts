import type { DomainError } from '../universal/domain-error.ts';

/** What PostgreSQL said when it refused a write: SQLSTATE, the constraint, the trigger function. */
export interface DatabaseViolation {
  /** `23505` unique, `23503` foreign key, `23514` check (also raised by our triggers) … */
  readonly sqlState: string;
  readonly constraint: string | undefined;
  /** The PL/pgSQL function that raised it (`questline_refuse_prerequisite_cycle`), if any. */
  readonly routine: string | undefined;
}

export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
} as const;

const field = (error: object, key: string): string | undefined => {
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The integrity violation behind `error`, whether MikroORM converted it (a statement) or not
 * (a deferred check failing at COMMIT): both keep the driver's `code`, `constraint` and `where`.
 */
export function databaseViolation(error: unknown): DatabaseViolation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const sqlState = field(error, 'code');
  if (!sqlState?.startsWith('23')) return undefined;
  const routine = /PL\/pgSQL function (\w+)\(/.exec(field(error, 'where') ?? '')?.[1];
  return { sqlState, constraint: field(error, 'constraint'), routine };
}

/** Turns the violations a service expects into its DomainErrors; anything else stays unexpected. */
export interface ViolationMap {
  /** By constraint or index name. */
  readonly constraints?: Readonly<Record<string, () => DomainError>>;
  /** By the trigger function that raised it. */
  readonly routines?: Readonly<Record<string, () => DomainError>>;
  /** A foreign key to a row that went away meanwhile (by constraint name, or any). */
  readonly foreignKey?: (constraint: string | undefined) => DomainError | undefined;
}

export function mapViolation(error: unknown, map: ViolationMap): DomainError | undefined {
  const violation = databaseViolation(error);
  if (!violation) return undefined;
  const byRoutine = violation.routine ? map.routines?.[violation.routine] : undefined;
  if (byRoutine) return byRoutine();
  const byConstraint = violation.constraint ? map.constraints?.[violation.constraint] : undefined;
  if (byConstraint) return byConstraint();
  if (violation.sqlState === SQLSTATE.foreignKeyViolation) return map.foreignKey?.(violation.constraint);
  return undefined;
}
