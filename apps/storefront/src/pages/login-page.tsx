import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Field } from '../components/field.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSubmit } from '../hooks/use-submit.ts';
import { safeNextPath } from '../app/login-path.ts';

export default function LoginPage() {
  useDocumentTitle('Sign in');
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmit();

  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submission.submit(() => auth.login(email.trim(), password), { onSuccess: () => void navigate(next, { replace: true }), leavesPage: true });
        }}
      >
        {submission.error ? <ErrorMessage error={submission.error} shownFields={['email', 'password']} /> : null}
        <Field label="E-mail" type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={submission.fieldError('email')} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={submission.fieldError('password')}
        />
        <button type="submit" className="button primary" disabled={submission.pending}>
          {submission.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to={`/register${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>Create an account</Link>
      </p>
    </div>
  );
}
