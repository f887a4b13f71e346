import { createRoot } from 'react-dom/client';
import { Spin } from 'antd';
import { startKeycloakSession, type KeycloakSession } from './auth/keycloak';
import i18n, { loadNamespaces, setupI18n, storedLanguage } from './i18n';
import { LocaleProvider } from './LocaleProvider';
import { isPublicPath } from './public/route';

// Three things load in parallel: the active language's core dictionary, the Keycloak session and the
// signed-in frame (Frame.tsx). index.html itself only brings what the signing-in screen needs.
const language = storedLanguage();
const i18nReady = setupI18n(language);
// 信息公开: /public is for visitors. It never starts a Keycloak session (login-required would redirect
// them to the login page), so neither the frame nor the session is loaded for it.
const publicRoute = isPublicPath(window.location.pathname);
const frameLoaded = publicRoute ? null : import('./Frame');
// Both are awaited in start(); these only keep a rejection from being reported before that.
frameLoaded?.catch(() => undefined);

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

async function renderStartFailed(reason: 'auth' | 'network') {
  const { default: StartFailed } = await import('./auth/StartFailed');
  root.render(
    <LocaleProvider>
      <StartFailed reason={reason} />
    </LocaleProvider>,
  );
}

async function startPublic() {
  try {
    const [{ default: PublicApp }] = await Promise.all([import('./public/PublicApp'), i18nReady]);
    await loadNamespaces(['season']);
    root.render(<PublicApp />);
  } catch (error) {
    console.error('The public page could not be loaded', error);
    await renderStartFailed('network');
  }
}

async function start() {
  const sessionStarted = startKeycloakSession(language);
  sessionStarted.catch(() => undefined);
  await i18nReady;
  renderSigningIn();
  let session: KeycloakSession;
  try {
    session = await sessionStarted;
  } catch (error) {
    console.error('Keycloak initialisation failed', error);
    await renderStartFailed('auth');
    return;
  }
  let Frame;
  try {
    ({ default: Frame } = await frameLoaded!);
  } catch (error) {
    console.error('The app could not be loaded', error);
    await renderStartFailed('network');
    return;
  }
  root.render(<Frame session={session} />);
}

void (publicRoute ? startPublic() : start());
