import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { canViewFigures, canViewOverview, type AppUser } from './auth/user';
import { AppLayout } from './layout/AppLayout';
import { SelectionProvider } from './selection/SelectionProvider';

// Pages are split out of the first load, one chunk per route.
const HomePage = lazy(() => import('./pages/HomePage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const BudgetPage = lazy(() => import('./pages/BudgetPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const ForbiddenPage = lazy(() => import('./pages/ForbiddenPage'));

function RequireAccess({ allowed, children }: { allowed: (user: AppUser) => boolean; children: ReactNode }) {
  const { user } = useAuth();
  return allowed(user) ? children : <ForbiddenPage />;
}

/** /budget → /budget/basic, keeping ?dept=&year=. */
function BudgetIndex() {
  const { search } = useLocation();
  return <Navigate to={`/budget/basic${search}`} replace />;
}

export function AppRoutes() {
  return (
    <SelectionProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="profile"
            element={
              <RequireAccess allowed={canViewFigures}>
                <ProfilePage />
              </RequireAccess>
            }
          />
          <Route
            path="budget"
            element={
              <RequireAccess allowed={canViewFigures}>
                <BudgetIndex />
              </RequireAccess>
            }
          />
          <Route
            path="budget/:tab"
            element={
              <RequireAccess allowed={canViewFigures}>
                <BudgetPage />
              </RequireAccess>
            }
          />
          <Route
            path="overview"
            element={
              <RequireAccess allowed={canViewOverview}>
                <OverviewPage />
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
