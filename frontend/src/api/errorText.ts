import type { TFunction } from 'i18next';
import { isApiError } from './problem';

export interface ErrorText {
  title: string;
  detail?: string;
}

/**
 * What to tell the user about a failed call. The services localise title and detail by
 * Accept-Language; when they say nothing useful, a generic text by status is used.
 */
export function errorText(error: unknown, t: TFunction): ErrorText {
  if (isApiError(error)) {
    if (error.isNetworkError) {
      return { title: t('errors.network') };
    }
    const generic = genericByStatus(error.status, t);
    const { title, detail } = error.problem;
    const serverTitle = title && !/^(HTTP \d+|about:blank)$/.test(title) ? title : undefined;
    if (detail) {
      return { title: serverTitle ?? generic, detail };
    }
    return serverTitle && serverTitle !== generic ? { title: generic, detail: serverTitle } : { title: generic };
  }
  if (error instanceof Error && error.message) {
    return { title: t('errors.title'), detail: error.message };
  }
  return { title: t('errors.title') };
}

function genericByStatus(status: number, t: TFunction): string {
  if (status === 401) return t('errors.unauthorized');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status >= 500) return t('errors.server');
  return t('errors.status', { status });
}
