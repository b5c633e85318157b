import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accountApi } from '../api/account.api.ts';
import { ApiError } from '../api/problem.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Field } from '../components/field.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSubmit } from '../hooks/use-submit.ts';
import { safeNextPath } from '../app/login-path.ts';

/** Which field an identity error code is about, so its message appears next to that field. */
const FIELD_OF_CODE: Record<string, string> = {
  'IDENTITY.INVALID_EMAIL': 'email',
  'IDENTITY.EMAIL_TAKEN': 'email',
  'IDENTITY.WEAK_PASSWORD': 'password',
};

export default function RegisterPage() {
  useDocumentTitle('Create an account');
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const submission = useSubmit();

  const { error } = submission;
  const codeField = error instanceof ApiError && error.code ? FIELD_OF_CODE[error.code] : undefined;
  const fieldError = (name: string): string | undefined => {
    if (error instanceof ApiError && codeField === name) return error.detail ?? error.title;
    return submission.fieldError(name);
  };
  const update = (name: keyof typeof form) => (event: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: event.target.value });

  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const email = form.email.trim();
          submission.submit(
            () => accountApi.register({ name: form.name.trim(), email, password: form.password }).then(() => auth.login(email, form.password)),
            { onSuccess: () => void navigate(next, { replace: true }), leavesPage: true },
          );
        }}
      >
        {error && !codeField ? <ErrorMessage error={error} shownFields={['name', 'email', 'password']} /> : null}
        <Field label="Name" name="name" autoComplete="name" required maxLength={100} value={form.name} onChange={update('name')} error={fieldError('name')} />
        <Field label="E-mail" type="email" name="email" autoComplete="email" required value={form.email} onChange={update('email')} error={fieldError('email')} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={update('password')}
          error={fieldError('password')}
          hint="A long passphrase is best; common passwords are refused."
        />
        <button type="submit" className="button primary" disabled={submission.pending}>
          {submission.pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>Sign in</Link>
      </p>
    </div>
  );
}
