import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Result, Spin } from 'antd';
import { App } from './App';
import { AppProviders, LocaleProvider } from './AppProviders';
import { ApiClient } from './api/client';
import { startKeycloakSession } from './auth/keycloak';
import { appConfig } from './config';
import i18n, { currentLanguage, setupI18n } from './i18n';

setupI18n();

const container = document.getElementById('root');
if (!container) {
  throw new Error('#root is missing from index.html');
}
const root = createRoot(container);

function renderSigningIn() {
  root.render(
    <LocaleProvider>
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }} role="status">
        <Spin size="large" description={i18n.t('app.signingIn')} />
      </div>
    </LocaleProvider>,
  );
}

function renderAuthFailed() {
  root.render(
    <LocaleProvider>
      <Result
        status="warning"
        title={i18n.t('app.authFailed')}
        subTitle={i18n.t('app.authFailedDetail')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('app.retry')}
          </Button>
        }
      />
    </LocaleProvider>,
  );
}

async function start() {
  renderSigningIn();
  let session;
  try {
    session = await startKeycloakSession(currentLanguage());
  } catch (error) {
    console.error('Keycloak initialisation failed', error);
    renderAuthFailed();
    return;
  }
  const client = new ApiClient({
    baseUrl: appConfig.apiBase,
    auth: session,
    language: currentLanguage,
  });
  root.render(
    <StrictMode>
      <AppProviders auth={{ user: session.user, logout: session.logout }} client={client}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
