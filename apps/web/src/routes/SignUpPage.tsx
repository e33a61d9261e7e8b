import { PASSWORD_MIN_LENGTH, signUpInputSchema } from '@questline/domain/identity/universal/account';
import { apiErrorToProblems, issuesToProblems } from '@questline/ui/api/errors';
import { useSessionCache } from '@questline/ui/api/session';
import { useTRPC } from '@questline/ui/api/trpc';
import { AuthCard } from '@questline/ui/components/AuthCard';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { TextField } from '@questline/ui/components/TextField';
import { useFormProblems } from '@questline/ui/hooks/useFormProblems';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { AuthHeading } from '../components/AuthHeading.tsx';

const FIELDS = ['email', 'username', 'password'] as const;

export function SignUpPage() {
  const trpc = useTRPC();
  const session = useSessionCache();
  const navigate = useNavigate();
  const { formRef, problems, showProblems, clearProblems } = useFormProblems(FIELDS);

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
    clearProblems();
    signUp.mutate(parsed.data);
  };

  return (
    <AuthCard heading={<AuthHeading title="Create your account" />}>
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
