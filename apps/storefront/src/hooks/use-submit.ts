import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/problem.ts';

export interface SubmitOptions<T> {
  /** Runs with the answer. */
  readonly onSuccess?: (result: T) => void;
  /** Runs once the failure is recorded, e.g. to close a confirmation. */
  readonly onFailure?: () => void;
  /** The success opens another page: stay pending, so the button is not offered again while that page opens. */
  readonly leavesPage?: boolean;
}

export interface Submission {
  /** True while a request runs, and after a success that leaves the page. */
  readonly pending: boolean;
  /** The last failure, until the next submit (or `clearError`). */
  readonly error: unknown;
  /** The server's message for one form field, from the last failure's problem+json `errors`. */
  fieldError(name: string): string | undefined;
  /** Sends `request`, unless one is already running. */
  submit<T>(request: () => Promise<T>, options?: SubmitOptions<T>): void;
  clearError(): void;
}

/** What a form's submit button is doing: pending while its request runs, and the failure once it fails. */
export function useSubmit(): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // State updates are not synchronous: a double-click lands both clicks before the button is disabled.
  const inFlight = useRef(false);

  const submit = useCallback(<T>(request: () => Promise<T>, options: SubmitOptions<T> = {}) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setError(null);
    request().then(
      (result) => {
        if (!options.leavesPage) {
          inFlight.current = false;
          setPending(false);
        }
        options.onSuccess?.(result);
      },
      (failure: unknown) => {
        inFlight.current = false;
        setPending(false);
        setError(failure);
        options.onFailure?.();
      },
    );
  }, []);

  const clearError = useCallback(() => setError(null), []);
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldMessage(name) : undefined);
  return { pending, error, fieldError, submit, clearError };
}
