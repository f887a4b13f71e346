import Keycloak from 'keycloak-js';
import { appConfig } from '../config';
import type { TokenSource } from '../api/client';
import { keepDraftsAndLogin } from './drafts';
import { userFromClaims, type AppUser, type TokenClaims } from './user';

const RELOGIN_KEY = 'jixiao.relogin-at';
const RELOGIN_GUARD_MS = 30_000;

export interface KeycloakSession extends TokenSource {
  user: AppUser;
  logout(): void;
}

/**
 * Logs in through Keycloak (authorization code flow + PKCE S256; redirects to the login page when
 * there is no session) and keeps the access token fresh: a timer refreshes it before it expires, and
 * every API call asks for a token valid for at least `tokenMinValiditySeconds`.
 */
export async function startKeycloakSession(locale: string): Promise<KeycloakSession> {
  const keycloak = new Keycloak({
    url: appConfig.keycloak.url,
    realm: appConfig.keycloak.realm,
    clientId: appConfig.keycloak.clientId,
  });

  // Leaving for the login page loses what is in memory: unsaved form input is kept first (drafts.ts)
  // and offered back after the new login.
  const login = () => {
    keepDraftsAndLogin(() => void keycloak.login({ redirectUri: window.location.href, locale }));
  };

  // A 401 sends the user to log in again, but not in a loop: if the server keeps rejecting fresh
  // tokens, the error is shown instead of redirecting again and again.
  const reloginAfterRejection = () => {
    const last = Number(window.sessionStorage.getItem(RELOGIN_KEY) ?? '0');
    if (Date.now() - last < RELOGIN_GUARD_MS) {
      return;
    }
    window.sessionStorage.setItem(RELOGIN_KEY, String(Date.now()));
    login();
  };

  keycloak.onTokenExpired = () => {
    keycloak.updateToken(appConfig.tokenMinValiditySeconds).catch(login);
  };

  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    flow: 'standard',
    responseMode: 'fragment',
    checkLoginIframe: false,
    locale,
  });
  if (!authenticated) {
    login();
    // The browser is navigating to the login page.
    return new Promise<KeycloakSession>(() => undefined);
  }

  // Refresh ahead of expiry, also while the user is only reading.
  window.setInterval(() => {
    keycloak
      .updateToken(appConfig.tokenMinValiditySeconds + appConfig.tokenRefreshIntervalMs / 1000)
      .catch(login);
  }, appConfig.tokenRefreshIntervalMs);

  return {
    user: userFromClaims(keycloak.tokenParsed as TokenClaims | undefined),
    async getValidToken() {
      await keycloak.updateToken(appConfig.tokenMinValiditySeconds);
      if (!keycloak.token) {
        throw new Error('No access token');
      }
      return keycloak.token;
    },
    onUnauthorized: reloginAfterRejection,
    logout() {
      void keycloak.logout({ redirectUri: `${window.location.origin}/` });
    },
  };
}
