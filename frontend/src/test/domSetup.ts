import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { setupI18n } from '../i18n';
import { allDictionaries } from './dictionaries';

// All dictionaries up front: rendering never waits for a namespace (src/i18n/i18n.test.ts covers the
// loading on demand).
await setupI18n('zh-CN', { resources: allDictionaries() });

// Pages and tabs are lazy chunks: on a busy 2-core machine the first import of one can take seconds, and
// the test command runs these tests niced beside Maven's test JVMs (a page test then takes about five times
// as long as alone: TemplatesPage's 9 tests 58 s against 12 s). A wait that passes is no slower for it.
configure({ asyncUtilTimeout: 20000 });

// jsdom lacks these browser APIs that antd uses.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (!('ResizeObserver' in window)) {
  class NoLayoutResizeObserver { // jsdom lays nothing out, so nothing ever resizes
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoLayoutResizeObserver });
}

afterEach(() => {
  cleanup();
});

// jsdom cannot compute styles of pseudo-elements and logs "Not implemented" for each try (rc-util
// measures the scrollbar that way); ignore the pseudo-element argument.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => originalGetComputedStyle(element);
