import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem.ts';
import { ErrorMessage } from './error-message.tsx';

describe('ErrorMessage', () => {
  it("shows a problem's title and detail as an alert", () => {
    render(<ErrorMessage error={new ApiError({ title: 'This Idempotency-Key was used for a different checkout', status: 409, detail: 'Start the checkout again.' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This Idempotency-Key was used for a different checkout');
    expect(screen.getByRole('alert')).toHaveTextContent('Start the checkout again.');
  });

  it('lists field errors, leaving out those already shown beside their inputs', () => {
    const error = new ApiError({
      title: 'The request is not valid',
      status: 400,
      errors: [
        { path: 'body.priceMinor', message: 'must be >= 0' },
        { path: 'body.currency', message: 'must match pattern "^[A-Z]{3}$"' },
      ],
    });
    render(<ErrorMessage error={error} shownFields={['priceMinor']} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('body.currency must match pattern');
    expect(alert).not.toHaveTextContent('must be >= 0');
  });

  it('shows a generic sentence for an unexpected error, never its text or stack', () => {
    const error = new Error('TypeError: cannot read properties of undefined');
    render(<ErrorMessage error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('alert')).not.toHaveTextContent('TypeError');
    expect(screen.getByRole('alert')).not.toHaveTextContent('[object Object]');
  });
});
