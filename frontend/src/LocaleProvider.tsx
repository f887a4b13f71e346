import { useEffect, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
// The ES module builds: 'antd/locale/*' is CommonJS and would bundle a second copy of what antd already has.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { usePrefersReducedMotion } from './lib/reducedMotion';

/**
 * antd locale, dayjs locale and the page title follow the UI language; antd's motion follows the system's
 * reduced-motion setting. Light on purpose: it also frames
 * the signing-in screen, which is part of the first load (the App component with its message, modal and
 * notification hooks comes with the frame, in AppProviders).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n, t } = useTranslation();
  const english = i18n.language === 'en';
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    document.title = `${t('app.title')} · ${t('app.subtitle')}`;
  }, [english, t]);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { colorPrimary: '#b22c2c', colorLink: '#b22c2c', motion: !reducedMotion } }}>
      {children}
    </ConfigProvider>
  );
}
