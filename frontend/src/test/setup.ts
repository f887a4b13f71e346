// Pure-logic files run in Node (`// @vitest-environment node`): no DOM to build, no i18n or testing
// library to load. Everything else gets the browser setup.
if (typeof document !== 'undefined') {
  await import('./domSetup');
}
