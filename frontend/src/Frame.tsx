import { StrictMode } from 'react';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { ApiClient } from './api/client';
import type { KeycloakSession } from './auth/keycloak';
import { appConfig } from './config';
import { currentLanguage } from './i18n';

/**
 * The signed-in app: API client, providers, the frame (AppLayout) and its routes. main.tsx starts
 * loading this chunk at once, in parallel with the Keycloak session, so it is not part of what
 * index.html preloads for the signing-in screen; it is in place before the first signed-in render, and
 * the frame never waits on a route change (the pages are the lazy chunks).
 */
export default function Frame({ session }: { session: KeycloakSession }) {
  const client = new ApiClient({
    baseUrl: appConfig.apiBase,
    auth: session,
    language: currentLanguage,
  });
  return (
    <StrictMode>
      <AppProviders auth={{ user: session.user, logout: session.logout }} client={client}>
        <App />
      </AppProviders>
    </StrictMode>
  );
}
