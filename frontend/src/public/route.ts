/** Paths served to visitors without a login (信息公开): main.tsx starts no Keycloak session for them. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/public' || pathname.startsWith('/public/');
}
