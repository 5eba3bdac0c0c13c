import { mayAccess, ruleOf, type RouteClass } from '@crm/access-matrix';
import { useSession, type Session } from './session';

export type { RouteClass };

/**
 * Whether the signed-in user may use the API's routes of this class (`csv`: and export them), by the API's own table
 * (apps/api/src/auth/access-matrix.ts, ROUTE_CLASSES). SPEC §6: what a role may not do is not offered, so every screen,
 * button and report the app shows for a role is checked here against the routes behind it.
 */
export function may(current: Session | null, routeClass: RouteClass, options: { csv?: boolean } = {}): boolean {
  return !!current && mayAccess(current.roles, routeClass, options.csv);
}

/** Whether the user may GET this path of the API (`/api/reports/levels`), by its row in the API's ROUTE_RULES. */
export function mayGet(current: Session | null, path: string, options: { csv?: boolean } = {}): boolean {
  const rule = ruleOf('GET', path);
  return !!rule && may(current, rule.class, options);
}

/** `may` for the signed-in user, re-rendering on sign-in and sign-out. */
export function useMay(): (routeClass: RouteClass, options?: { csv?: boolean }) => boolean {
  const current = useSession();
  return (routeClass, options) => may(current, routeClass, options);
}

/** `mayGet` for the signed-in user. */
export function useMayGet(): (path: string, options?: { csv?: boolean }) => boolean {
  const current = useSession();
  return (path, options) => mayGet(current, path, options);
}

/**
 * Each screen and the class of API routes it stands on: the menu offers, and the router opens, a screen only to a role
 * the API admits there. Mijn week is the week of whoever records the contacts (a connector's own; an admin picks
 * anyone's), so it follows `record`, not the `read` of the worklist route alone.
 */
export const SCREENS = {
  '/mijn-week': 'record',
  '/partnerschappen': 'read',
  '/management': 'aggregates',
  '/organisaties': 'read',
  '/import': 'organisations',
} as const satisfies Record<string, RouteClass>;

export type Screen = keyof typeof SCREENS;

export const mayOpen = (current: Session | null, screen: Screen): boolean => may(current, SCREENS[screen]);
