import { lazy, type ComponentType } from 'react';
import { loadNamespaces, type PageNamespace } from './i18n';

/**
 * A route's page as its own chunk (React.lazy), shown only once the dictionary namespaces it needs are
 * loaded too: the page chunk and the dictionaries are fetched in parallel, and the page never shows a
 * raw key. src/i18n/namespaces.test.ts checks each route's list against the keys its modules use.
 */
export function lazyPage<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
  namespaces: readonly PageNamespace[] = [],
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadNamespaces(namespaces)]);
    return module;
  });
}
