import i18next, { type BackendModule, type i18n as I18n, type Resource, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * The dictionaries are split per language and per namespace (src/i18n/locales/<language>/<namespace>.ts),
 * each its own chunk. At start only `core` of the active language is loaded: the frame, the texts every
 * page shares, the error pages and the home page's own section. A page loads the namespaces it needs
 * before it renders (lazyPage), and a language switch loads every namespace already in use for the new
 * language before anything changes on screen.
 *
 * Keys keep their section prefix ('basic.title'): `t` looks a key up in `core` first, then in the other
 * namespaces (fallbackNS), so components call useTranslation() without naming a namespace.
 */
export const NAMESPACES = ['core', 'figures', 'evaluation', 'reporting', 'overview', 'templates', 'admin', 'season'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type PageNamespace = Exclude<Namespace, 'core'>;
export const PAGE_NAMESPACES = NAMESPACES.filter((ns): ns is PageNamespace => ns !== 'core');

const STORAGE_KEY = 'jixiao.language';

const dictionaries = import.meta.glob<{ default: ResourceKey }>('./locales/*/*.ts');

function dictionaryModule(language: string, namespace: string): string {
  return `./locales/${language}/${namespace}.ts`;
}

/** i18next backend that imports one dictionary chunk per language and namespace. */
const dictionaryBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = dictionaries[dictionaryModule(language, namespace)];
    if (!load) {
      callback(new Error(`No dictionary ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      // retry: i18next tries a failed chunk again a few times.
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen last time (or the default): the one to start in. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

const i18n = i18next.createInstance();

/** The language in use, as sent in Accept-Language. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Switches the UI language. i18next first loads, for the new language, every namespace loaded so far,
 * and only then changes the language: the screen goes from one complete language to the other.
 */
export async function changeLanguage(language: Language, instance: I18n = i18n): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode): the switch still applies to this page.
  }
  await instance.changeLanguage(language);
  document.documentElement.lang = language;
}

function missing(instance: I18n, namespaces: readonly Namespace[]): Namespace[] {
  const language = instance.language;
  return namespaces.filter((ns) => !instance.hasResourceBundle(language, ns));
}

/**
 * Loads namespaces for the active language (the ones already there cost nothing). Rejects when one
 * could not be loaded, so that a page is not shown with raw keys.
 */
export async function loadNamespaces(namespaces: readonly Namespace[], instance: I18n = i18n): Promise<void> {
  if (missing(instance, namespaces).length === 0) return;
  await instance.loadNamespaces([...namespaces]);
  const failed = missing(instance, namespaces);
  if (failed.length > 0) {
    throw new Error(`Could not load the ${instance.language} dictionary: ${failed.join(', ')}`);
  }
}

export interface I18nOptions {
  /** Every dictionary given up front (tests): nothing is loaded on demand. */
  resources?: Resource;
  /** Make this the instance react-i18next's hooks use (the app's instance). */
  bindReact?: boolean;
}

/** Sets an i18next instance up; resolves once the `core` namespace of `language` is loaded. */
export async function initI18n(instance: I18n, language: Language, options: I18nOptions = {}): Promise<void> {
  instance.use(dictionaryBackend);
  if (options.bindReact) instance.use(initReactI18next);
  await instance.init({
    lng: language,
    // Both languages have every key (the English dictionaries are typed after the Chinese ones), so
    // there is no fallback language to load alongside.
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: ['core'],
    defaultNS: 'core',
    fallbackNS: [...PAGE_NAMESPACES],
    resources: options.resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  const failed = missing(instance, ['core']);
  if (failed.length > 0) {
    console.error(`The ${language} dictionary could not be loaded`);
  }
}

let ready: Promise<void> | undefined;

/** Sets the app's i18next instance up once (later calls answer the same promise). */
export function setupI18n(language: Language = storedLanguage(), options: I18nOptions = {}): Promise<void> {
  ready ??= initI18n(i18n, language, { ...options, bindReact: true });
  return ready;
}

export default i18n;
