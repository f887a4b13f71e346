import type { AppUser } from '../auth/user';
import { canManageRounds, canManageTemplates, canOnboard, canRunBatches, canUseChecker, canViewApiPage, canViewFigures, canViewOverview } from '../auth/user';

export interface NavItem {
  /** Route path, also the menu key. */
  path: string;
  /** i18n key of the menu label. */
  labelKey: string;
  visible(user: AppUser): boolean;
  /** Path prefix the entry stands for, when wider than `path` (default: `path`). */
  activeFor?: string;
}

/** Pages that exist, and who sees them in the menu. A page is listed only once it is built. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'menu.home', visible: () => true },
  { path: '/profile', labelKey: 'menu.profile', visible: canViewFigures },
  /** Opens the 基本支出 tab; every /budget/* tab keeps this entry active. */
  { path: '/budget/basic', labelKey: 'menu.budget', visible: canViewFigures, activeFor: '/budget' },
  { path: '/goals', labelKey: 'menu.goals', visible: canViewFigures },
  { path: '/evaluation', labelKey: 'menu.evaluation', visible: canViewFigures },
  /** Every /report/* tab keeps this entry active. */
  { path: '/report/status', labelKey: 'menu.report', visible: canViewFigures, activeFor: '/report' },
  { path: '/overview', labelKey: 'menu.overview', visible: canViewOverview },
  { path: '/rounds', labelKey: 'menu.rounds', visible: canManageRounds },
  { path: '/checker', labelKey: 'menu.checker', visible: canUseChecker },
  { path: '/templates', labelKey: 'menu.templates', visible: canManageTemplates },
  { path: '/batches', labelKey: 'menu.batches', visible: canRunBatches },
  { path: '/admin/departments', labelKey: 'menu.onboarding', visible: canOnboard },
  { path: '/admin/events', labelKey: 'menu.events', visible: canOnboard },
  { path: '/api-access', labelKey: 'menu.api', visible: canViewApiPage },
];

export function visibleNavItems(user: AppUser): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(user));
}

/** The menu entry for a location: the longest path that prefixes it. */
export function activeNavPath(pathname: string): string {
  const prefix = (item: NavItem) => item.activeFor ?? item.path;
  const match = [...NAV_ITEMS]
    .sort((a, b) => prefix(b).length - prefix(a).length)
    .find((item) => {
      const p = prefix(item);
      return p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    });
  return match?.path ?? '';
}
