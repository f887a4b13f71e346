import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { canViewBasicExpenditure, type AppUser } from './auth/user';
import { AppLayout } from './layout/AppLayout';
import { SelectionProvider } from './selection/SelectionProvider';

// Pages are split out of the first load.
const HomePage = lazy(() => import('./pages/HomePage'));
const BasicExpenditurePage = lazy(() => import('./pages/BasicExpenditurePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const ForbiddenPage = lazy(() => import('./pages/ForbiddenPage'));

function RequireAccess({ allowed, children }: { allowed: (user: AppUser) => boolean; children: ReactNode }) {
  const { user } = useAuth();
  return allowed(user) ? children : <ForbiddenPage />;
}

export function AppRoutes() {
  return (
    <SelectionProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="budget/basic"
            element={
              <RequireAccess allowed={canViewBasicExpenditure}>
                <BasicExpenditurePage />
              </RequireAccess>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SelectionProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
