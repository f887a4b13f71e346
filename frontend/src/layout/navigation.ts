import type { AppUser } from '../auth/user';
import { canViewBasicExpenditure } from '../auth/user';

export interface NavItem {
  /** Route path, also the menu key. */
  path: string;
  /** i18n key of the menu label. */
  labelKey: string;
  visible(user: AppUser): boolean;
}

/** Pages that exist, and who sees them in the menu. A page is listed only once it is built. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'menu.home', visible: () => true },
  { path: '/budget/basic', labelKey: 'menu.basicExpenditure', visible: canViewBasicExpenditure },
];

export function visibleNavItems(user: AppUser): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(user));
}

/** The menu entry for a location: the longest path that prefixes it. */
export function activeNavPath(pathname: string): string {
  const match = [...NAV_ITEMS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return match?.path ?? '';
}
