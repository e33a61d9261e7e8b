import { signInInputSchema } from '@questline/domain/identity/universal/account';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { apiErrorToProblems, firstProblemField, NO_PROBLEMS, type FormProblems } from '../api/errors.ts';
import { focusField } from '../dom/focus-field.ts';
import { useSessionCache } from '../api/session.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { TextField } from '../components/TextField.tsx';
import { useTRPC } from '../trpc.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const REQUIRED: Record<Field, string> = {
  email: 'Enter your email',
  password: 'Enter your password',
};

export function SignInScreen() {
  const trpc = useTRPC();
  const session = useSessionCache();
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<FormProblems<Field>>(NO_PROBLEMS);

  const showProblems = (next: FormProblems<Field>) => {
    setProblems(next);
    focusField(formRef.current, firstProblemField(next, FIELDS));
  };

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (account) => session.signedIn(account),
      onError: (error) => showProblems(apiErrorToProblems(error, FIELDS)),
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInInputSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      const missing = FIELDS.filter((field) => parsed.error.issues.some((issue) => issue.path[0] === field));
      return showProblems({
        fields: Object.fromEntries(missing.map((field) => [field, REQUIRED[field]])),
        general: null,
      });
    }
    setProblems(NO_PROBLEMS);
    signIn.mutate(parsed.data);
  };

  return (
    <AuthCard>
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
    </AuthCard>
  );
}
