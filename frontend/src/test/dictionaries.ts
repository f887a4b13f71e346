import type { Resource, ResourceKey } from 'i18next';

const modules = import.meta.glob<ResourceKey>('../i18n/locales/*/*.ts', { eager: true, import: 'default' });

/** Every dictionary of every language, as i18next resources: tests never wait for one to load. */
export function allDictionaries(): Resource {
  const resources: Resource = {};
  for (const [file, messages] of Object.entries(modules)) {
    const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.ts$/.exec(file)!;
    (resources[language!] ??= {})[namespace!] = messages;
  }
  return resources;
}
