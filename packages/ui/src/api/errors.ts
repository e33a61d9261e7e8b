import type { AppRouter } from '@questline/api/root';
import { isTRPCClientError } from '@trpc/client';

export type FieldErrors<TField extends string> = Partial<Record<TField, string>>;

export interface FormProblems<TField extends string> {
  readonly fields: FieldErrors<TField>;
  /** What cannot be shown next to a field; goes in the form's alert. */
  readonly general: string | null;
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export const NO_PROBLEMS = { fields: {}, general: null } as const satisfies FormProblems<never>;

const OFFLINE_MESSAGE = 'Questline could not be reached. Check your connection and try again.';

/** Sorts validation issues (from zod on the client or from the server) onto the form's fields. */
export function issuesToProblems<TField extends string>(
  issues: readonly Issue[],
  fieldNames: readonly TField[],
): FormProblems<TField> {
  const fields: FieldErrors<TField> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldNames.find((name) => name === issue.path[0]);
    if (field === undefined) unplaced.push(issue.message);
    else fields[field] ??= issue.message;
  }
  return { fields, general: unplaced.length > 0 ? unplaced.join(' ') : null };
}

export function apiErrorToProblems<TField extends string>(
  error: unknown,
  fieldNames: readonly TField[],
): FormProblems<TField> {
  if (!isTRPCClientError<AppRouter>(error))
    return { fields: {}, general: 'Something went wrong. Please try again.' };
  // Without data the request never got a tRPC answer: the network or a proxy failed.
  if (!error.data) return { fields: {}, general: OFFLINE_MESSAGE };
  const problems = issuesToProblems(error.data.issues, fieldNames);
  const placedAny = Object.keys(problems.fields).length > 0;
  return placedAny ? problems : { ...problems, general: error.message };
}

export function apiErrorMessage(error: unknown): string {
  return apiErrorToProblems(error, []).general ?? 'Something went wrong. Please try again.';
}

export function firstProblemField<TField extends string>(
  problems: FormProblems<TField>,
  fieldNames: readonly TField[],
): TField | undefined {
  return fieldNames.find((name) => problems.fields[name] !== undefined);
}
