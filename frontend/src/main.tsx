import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Spin } from 'antd';
import { App } from './App';
import { AppProviders, LocaleProvider } from './AppProviders';
import { ApiClient } from './api/client';
import { startKeycloakSession, type KeycloakSession } from './auth/keycloak';
import { appConfig } from './config';
import i18n, { currentLanguage, setupI18n, storedLanguage } from './i18n';

// The active language's core dictionary and the Keycloak session are fetched in parallel.
const language = storedLanguage();
const i18nReady = setupI18n(language);

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

async function renderAuthFailed() {
  const { default: AuthFailed } = await import('./auth/AuthFailed');
  root.render(
    <LocaleProvider>
      <AuthFailed />
    </LocaleProvider>,
  );
}

async function start() {
  const sessionStarted = startKeycloakSession(language);
  // Handled below; this only keeps the rejection from being reported while the dictionary loads.
  sessionStarted.catch(() => undefined);
  await i18nReady;
  renderSigningIn();
  let session: KeycloakSession;
  try {
    session = await sessionStarted;
  } catch (error) {
    console.error('Keycloak initialisation failed', error);
    await renderAuthFailed();
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
