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

// happy-dom (vite.config.ts) brings matchMedia (a 1024 x 768 window) and a ResizeObserver that never fires,
// which is what antd needs of them here.
afterEach(() => {
  cleanup();
});
