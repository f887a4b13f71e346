import { isApiError } from '../api/problem';
import ForbiddenPage from '../pages/ForbiddenPage';
import { ErrorAlert } from './ErrorAlert';

/** A failed load: the 403 page when the server refused the caller, otherwise the error with a retry. */
export function QueryError({ error, title, onRetry }: { error: unknown; title: string; onRetry?: () => void }) {
  if (isApiError(error) && error.isForbidden) {
    return <ForbiddenPage reason="server" />;
  }
  return <ErrorAlert error={error} title={title} onRetry={onRetry} />;
}
