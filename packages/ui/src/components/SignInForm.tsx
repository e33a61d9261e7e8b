import { signInInputSchema } from '@questline/domain/identity/universal/account';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { apiErrorToProblems } from '../api/errors.ts';
import { useSessionCache } from '../api/session.ts';
import { useTRPC } from '../api/trpc.ts';
import { useFormProblems } from '../hooks/useFormProblems.ts';
import { FormAlert } from './FormAlert.tsx';
import { TextField } from './TextField.tsx';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const REQUIRED: Record<Field, string> = {
  email: 'Enter your email',
  password: 'Enter your password',
};

interface SignInFormProps {
  /** Runs after a successful sign-in, once the account is in the session cache. */
  readonly onSignedIn?: () => void;
}

/** Email and password; problems show next to their field or in the form's alert. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const trpc = useTRPC();
  const session = useSessionCache();
  const { formRef, problems, showProblems, clearProblems } = useFormProblems(FIELDS);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (account) => {
        session.signedIn(account);
        onSignedIn?.();
      },
      onError: (error) => showProblems(apiErrorToProblems(error, FIELDS)),
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInInputSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      // The schema only checks shape, so its messages are terse; say plainly what is missing.
      const missing = FIELDS.filter((field) => parsed.error.issues.some((issue) => issue.path[0] === field));
      return showProblems({
        fields: Object.fromEntries(missing.map((field) => [field, REQUIRED[field]])),
        general: null,
      });
    }
    clearProblems();
    signIn.mutate(parsed.data);
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={problems.general} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        error={problems.fields.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={problems.fields.password}
      />
      <button type="submit" className="button button-primary" disabled={signIn.isPending}>
        Sign in
      </button>
    </form>
  );
}
