import { createContext, useContext } from 'react';
import type { AppUser } from './user';

export interface AuthState {
  user: AppUser;
  logout(): void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) {
    throw new Error('useAuth must be used inside <AuthContext.Provider>');
  }
  return state;
}
