import { ApiError, describeError, isPathOfField } from '../api/problem.ts';

interface Props {
  readonly error: unknown;
  /** Field errors already shown next to their inputs are not repeated here. */
  readonly shownFields?: readonly string[];
  readonly onRetry?: () => void;
}

/** A failed call as a person can read it: the problem's title, its detail, and any field messages. */
export function ErrorMessage({ error, shownFields = [], onRetry }: Props) {
  const { title, detail } = describeError(error);
  const allFieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  const fieldErrors = allFieldErrors.filter((field) => !shownFields.some((name) => isPathOfField(field.path, name)));
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      {/* A validation problem's detail only repeats its field errors, which are listed (or shown at their fields). */}
      {detail && allFieldErrors.length === 0 ? <p>{detail}</p> : null}
      {allFieldErrors.length > 0 && fieldErrors.length === 0 ? <p>Check the highlighted fields.</p> : null}
      {fieldErrors.length > 0 ? (
        <ul>
          {fieldErrors.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path}</code> {field.message}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
