import { StrictMode, useState } from 'react';
import { App as AntApp, Button, Layout, Space, Typography } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '../AppProviders';
import { LocaleProvider } from '../LocaleProvider';
import { changeLanguage, type Language } from '../i18n';
import PublicReportsPage from '../pages/PublicReportsPage';

/** The visitor's frame (main.tsx renders it for isPublicPath instead of starting a Keycloak session): no session, no API token, only the public reports and a way to the staff login. */
export default function PublicApp({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  const [queryClient] = useState(() => createQueryClient());
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <AntApp>
            <PublicFrame fetchImpl={fetchImpl} />
          </AntApp>
        </LocaleProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}

function PublicFrame({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  const { t, i18n } = useTranslation();
  const other: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#fff' }}>
        <Typography.Text strong>{`${t('app.title')} · ${t('publication.publicTitle')}`}</Typography.Text>
        <Space>
          <Button type="link" onClick={() => void changeLanguage(other)} data-testid="public-language">
            {other === 'en' ? 'English' : '中文'}
          </Button>
          <Button href="/" data-testid="public-login">
            {t('publication.staffLogin')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <PublicReportsPage fetchImpl={fetchImpl} />
      </Layout.Content>
    </Layout>
  );
}
