import { useRef, useState } from 'react';
import { firstProblemField, NO_PROBLEMS, type FormProblems } from '../api/errors.ts';
import { focusField } from '../dom/focus-field.ts';

/** A form's problems, and a ref for the form so that showing them moves focus to the first bad field. */
export function useFormProblems<TField extends string>(fieldNames: readonly TField[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<FormProblems<TField>>(NO_PROBLEMS);

  const showProblems = (next: FormProblems<TField>) => {
    setProblems(next);
    focusField(formRef.current, firstProblemField(next, fieldNames));
  };
  const clearProblems = () => setProblems(NO_PROBLEMS);

  return { formRef, problems, showProblems, clearProblems };
}
