import i18next, { type i18n as I18n } from 'i18next';
import { createElement } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n, loadNamespaces, PAGE_NAMESPACES, type Namespace } from '.';
import zhCore from './locales/zh-CN/core';
import enCore from './locales/en/core';
import zhFigures from './locales/zh-CN/figures';
import enFigures from './locales/en/figures';

// A fresh i18next instance with the real on-demand loading (the shared test setup gives the app's
// instance every dictionary up front instead).
async function freshInstance(language: 'zh-CN' | 'en' = 'zh-CN'): Promise<I18n> {
  const instance = i18next.createInstance();
  await initI18n(instance, language);
  return instance;
}

function loaded(instance: I18n): string[] {
  return ['zh-CN', 'en'].flatMap((language) =>
    ['core', ...PAGE_NAMESPACES].filter((ns) => instance.hasResourceBundle(language, ns)).map((ns) => `${language}/${ns}`),
  );
}

afterEach(() => {
  window.localStorage.removeItem('jixiao.language');
  document.documentElement.lang = 'zh-CN';
});

describe('dictionaries loaded on demand', () => {
  it('starts with the core namespace of the active language only', async () => {
    const instance = await freshInstance();
    expect(loaded(instance)).toEqual(['zh-CN/core']);
    expect(instance.t('app.title')).toBe(zhCore.app.title);

    const english = await freshInstance('en');
    expect(loaded(english)).toEqual(['en/core']);
    expect(english.t('app.title')).toBe(enCore.app.title);
  });

  it('loads a page namespace for the active language when asked, and finds its keys without naming it', async () => {
    const instance = await freshInstance();
    await loadNamespaces(['figures'], instance);
    expect(loaded(instance)).toEqual(['zh-CN/core', 'zh-CN/figures']);
    // Components call useTranslation() without a namespace: keys of other namespaces are found too.
    expect(instance.t('basic.readOnly')).toBe(zhFigures.basic.readOnly);
    expect(instance.t('common.save')).toBe(zhCore.common.save);
  });

  it('rejects when a namespace cannot be loaded', async () => {
    const instance = await freshInstance();
    await expect(loadNamespaces(['nonexistent' as Namespace], instance)).rejects.toThrow(/nonexistent/);
  });

  it('switches the language only once every namespace in use is loaded for it', async () => {
    const instance = await freshInstance();
    await loadNamespaces(['figures'], instance);
    const atSwitch: { loaded: string[]; text: string }[] = [];
    instance.on('languageChanged', () => atSwitch.push({ loaded: loaded(instance), text: instance.t('basic.readOnly') }));

    await changeLanguage('en', instance);

    expect(atSwitch).toEqual([
      { loaded: ['zh-CN/core', 'zh-CN/figures', 'en/core', 'en/figures'], text: enFigures.basic.readOnly },
    ]);
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('jixiao.language')).toBe('en');
  });

  it('never renders a raw key while the language changes', async () => {
    const instance = await freshInstance();
    await loadNamespaces(['figures'], instance);
    const rendered: string[] = [];
    function Probe() {
      const { t } = useTranslation();
      const text = `${t('app.title')}|${t('basic.readOnly')}`;
      rendered.push(text);
      return createElement('p', null, text);
    }
    render(createElement(I18nextProvider, { i18n: instance }, createElement(Probe)));
    await act(() => changeLanguage('en', instance));
    await screen.findByText(`${enCore.app.title}|${enFigures.basic.readOnly}`);

    const zh = `${zhCore.app.title}|${zhFigures.basic.readOnly}`;
    const en = `${enCore.app.title}|${enFigures.basic.readOnly}`;
    expect(rendered.length).toBeGreaterThan(1);
    expect(rendered.every((text) => text === zh || text === en)).toBe(true);
  });
});
