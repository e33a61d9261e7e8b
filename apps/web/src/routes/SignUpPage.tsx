import { PASSWORD_MIN_LENGTH, signUpInputSchema } from '@questline/domain/identity/universal/account';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  apiErrorToProblems,
  firstProblemField,
  issuesToProblems,
  NO_PROBLEMS,
  type FormProblems,
} from '../api/errors.ts';
import { focusField } from '../dom/focus-field.ts';
import { useSessionCache } from '../api/session.ts';
import { AuthCard } from '../components/AuthCard.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { TextField } from '../components/TextField.tsx';
import { useTRPC } from '../trpc.ts';

const FIELDS = ['email', 'username', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignUpPage() {
  const trpc = useTRPC();
  const session = useSessionCache();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<FormProblems<Field>>(NO_PROBLEMS);

  const showProblems = (next: FormProblems<Field>) => {
    setProblems(next);
    focusField(formRef.current, firstProblemField(next, FIELDS));
  };

  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: (account) => {
        session.signedIn(account);
        void navigate('/', { replace: true });
      },
      onError: (error) => showProblems(apiErrorToProblems(error, FIELDS)),
    }),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpInputSchema.safeParse({
      email: form.get('email'),
      username: form.get('username'),
      password: form.get('password'),
    });
    if (!parsed.success) return showProblems(issuesToProblems(parsed.error.issues, FIELDS));
    setProblems(NO_PROBLEMS);
    signUp.mutate(parsed.data);
  };

  return (
    <AuthCard title="Create your account">
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
          name="username"
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint="3–30 letters, digits, “_” or “.”"
          error={problems.fields.username}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          error={problems.fields.password}
        />
        <button type="submit" className="button button-primary" disabled={signUp.isPending}>
          Create account
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AuthCard>
  );
}
