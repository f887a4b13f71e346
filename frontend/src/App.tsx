import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { canUseChecker, canViewApiPage, canViewFigures, canViewOverview, type AppUser } from './auth/user';
import { canManageRounds, canManageTemplates, canOnboard, canRunBatches } from './auth/user';
import { AppLayout } from './layout/AppLayout';
import { lazyPage } from './lazyPage';
import { SelectionProvider } from './selection/SelectionProvider';

// Pages are split out of the first load, one chunk per route, each with the dictionary namespaces it
// needs (checked by src/i18n/namespaces.test.ts).
const HomePage = lazyPage(() => import('./pages/HomePage'), ['figures', 'evaluation', 'reporting', 'season']);
const ProfilePage = lazyPage(() => import('./pages/ProfilePage'), ['figures']);
const BudgetPage = lazyPage(() => import('./pages/BudgetPage'), ['figures']);
const OverviewPage = lazyPage(() => import('./pages/OverviewPage'), ['overview']);
const GoalsPage = lazyPage(() => import('./pages/GoalsPage'), ['evaluation', 'figures']);
const EvaluationPage = lazyPage(() => import('./pages/EvaluationPage'), ['evaluation']);
const ReportPage = lazyPage(() => import('./pages/ReportPage'), ['reporting', 'season']);
const CheckerPage = lazyPage(() => import('./pages/CheckerPage'), ['reporting']);
const ApiAccessPage = lazyPage(() => import('./pages/ApiAccessPage'), ['admin']);
const TemplatesPage = lazyPage(() => import('./pages/TemplatesPage'), ['templates']);
const BatchesPage = lazyPage(() => import('./pages/BatchesPage'), ['admin']);
const OnboardingPage = lazyPage(() => import('./pages/OnboardingPage'), ['admin']);
const EventsAdminPage = lazyPage(() => import('./pages/EventsAdminPage'), ['admin']);
const RoundsPage = lazyPage(() => import('./pages/RoundsPage'), ['season']);
const SamplePage = lazyPage(() => import('./pages/SamplePage'), ['season', 'reporting']);
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage'));
const ForbiddenPage = lazyPage(() => import('./pages/ForbiddenPage'));

function RequireAccess({ allowed, children }: { allowed: (user: AppUser) => boolean; children: ReactNode }) {
  const { user } = useAuth();
  return allowed(user) ? children : <ForbiddenPage />;
}

/** /budget → /budget/basic (and /report → /report/status), keeping ?dept=&year=. */
function IndexRedirect({ to }: { to: string }) {
  const { search } = useLocation();
  return <Navigate to={`${to}${search}`} replace />;
}

function guarded(allowed: (user: AppUser) => boolean, page: ReactNode) {
  return <RequireAccess allowed={allowed}>{page}</RequireAccess>;
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
                <IndexRedirect to="/budget/basic" />
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
          <Route path="goals" element={guarded(canViewFigures, <GoalsPage />)} />
          <Route path="evaluation" element={guarded(canViewFigures, <EvaluationPage />)} />
          <Route path="report" element={guarded(canViewFigures, <IndexRedirect to="/report/status" />)} />
          <Route path="report/:tab" element={guarded(canViewFigures, <ReportPage />)} />
          <Route path="checker" element={guarded(canUseChecker, <CheckerPage />)} />
          <Route path="api-access" element={guarded(canViewApiPage, <ApiAccessPage />)} />
          <Route path="templates" element={guarded(canManageTemplates, <TemplatesPage />)} />
          <Route path="rounds" element={guarded(canManageRounds, <RoundsPage />)} />
          <Route path="rounds/:roundId/sample" element={guarded(canManageRounds, <SamplePage />)} />
          <Route path="batches" element={guarded(canRunBatches, <BatchesPage />)} />
          <Route path="admin/departments" element={guarded(canOnboard, <OnboardingPage />)} />
          <Route path="admin/events" element={guarded(canOnboard, <EventsAdminPage />)} />
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
