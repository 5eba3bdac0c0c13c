import { type AnyRoute, createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, retainSearchParams } from '@tanstack/react-router';
import { AppLayout } from '@/components/app-layout';
import { LoadingState } from '@/components/states';
import { meQuery } from '@/features/auth/api/use-me';
import { signInFromFragment } from '@/features/auth/fragment-sign-in';
import { homeOf } from '@/features/auth/home';
import { webConfigQuery } from '@/features/auth/oidc';
import { OidcCallbackRoute } from '@/features/auth/routes/oidc-callback';
import { SignInRoute } from '@/features/auth/routes/sign-in';
import { worklistQuery } from '@/features/worklist/api/use-worklist';
import { partnershipListQuery } from '@/features/partnerships/api/use-partnership-list';
import { validateListSearch, type PartnershipFilters } from '@/features/partnerships/list-search';
import { mayOpen, type Screen } from '@/lib/access';
import { validateAsOfSearch } from '@/lib/as-of';
import { isUuid } from '@/lib/ids';
import { queryClient } from '@/lib/query-client';
import { hasRole, session } from '@/lib/session';
import { NotFoundRoute } from './not-found';
import { RouteError } from './route-error';

/** The root carries `asOf` (time travel) and keeps it on every link, so a reload or a shared link shows the same day. */
const rootRoute = createRootRoute({
  validateSearch: validateAsOfSearch,
  search: { middlewares: [retainSearchParams(['asOf'])] },
  component: Outlet,
  notFoundComponent: NotFoundRoute,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aanmelden',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => (typeof search.redirect === 'string' ? { redirect: search.redirect } : {}),
  // The screen to come back to loads its code while the server is asked how to sign in. A token handed over in the
  // fragment signs in before the sign-in screen draws; one that is not a token is shown as such on the screen.
  loader: async ({ location }) => {
    const { redirect: back } = location.search as { redirect?: string };
    if (back?.startsWith('/')) preloadScreenCode(back);
    const signedIn = await signInFromFragment(location.hash);
    if (signedIn === 'rejected') return { tokenRejected: true };
    if (signedIn) throw redirect({ href: back?.startsWith('/') ? back : (homeOf(signedIn) ?? '/'), replace: true });
    void queryClient.prefetchQuery(webConfigQuery);
    return { tokenRejected: false };
  },
  component: SignInRoute,
});

const oidcCallbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/aanmelden/callback',
  component: OidcCallbackRoute,
});

/** Every other screen needs a signed-in user; without one the sign-in screen comes first, then back here. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: ({ location }) => {
    if (!session.current()) throw redirect({ to: '/aanmelden', search: { redirect: location.href } });
  },
  component: AppLayout,
  errorComponent: RouteError,
});

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: () => {
    const current = session.current();
    const home = current ? homeOf(current) : undefined;
    if (home) throw redirect({ to: home });
  },
});

/** A screen the user's roles may not open (a typed or shared link) sends them to their own first screen instead. */
const onlyFor = (screen: Screen) => () => {
  const current = session.current();
  const home = current && !mayOpen(current, screen) ? homeOf(current) : undefined;
  if (home) throw redirect({ to: home });
};

/**
 * Mijn week's answers start together, while the screen's code loads: who the login is (GET /api/me) and, for a connector,
 * their own worklist (GET /api/worklist without personId, the login's person), which need not wait for /api/me.
 * Entering the screen waits for them (see `enteringWaits`).
 */
const myWeekRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/mijn-week',
  beforeLoad: onlyFor('/mijn-week'),
  loaderDeps: ({ search }) => ({ asOf: search.asOf }),
  loader: async ({ deps, cause }) => {
    const current = session.current();
    if (!current) return;
    const answers = [queryClient.prefetchQuery(meQuery(current.sub))];
    if (hasRole(current, 'connector')) answers.push(queryClient.prefetchQuery(worklistQuery(undefined, deps.asOf)));
    await enteringWaits(cause, answers);
  },
  component: lazyRouteComponent(() => import('@/features/worklist/routes/my-week'), 'MyWeekRoute'),
});

/** The list's first page is asked for while the list's code loads (the router loads both at once); entering waits for it. */
const partnershipsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/partnerschappen',
  beforeLoad: onlyFor('/partnerschappen'),
  validateSearch: validateListSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ deps, cause }) => {
    const { asOf, ...filters } = deps as PartnershipFilters & { asOf?: typeof deps.asOf };
    await enteringWaits(cause, [queryClient.prefetchInfiniteQuery(partnershipListQuery(filters, asOf))]);
  },
  component: lazyRouteComponent(() => import('@/features/partnerships/routes/partnerships-list'), 'PartnershipsListRoute'),
});

const partnershipRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/partnerschappen/$partnershipId',
  params: {
    parse: ({ partnershipId }) => ({ partnershipId }),
    stringify: ({ partnershipId }) => ({ partnershipId }),
  },
  beforeLoad: ({ params }) => {
    onlyFor('/partnerschappen')();
    if (!isUuid(params.partnershipId)) throw redirect({ to: '/partnerschappen' });
  },
  component: lazyRouteComponent(() => import('@/features/partnerships/routes/partnership'), 'PartnershipRoute'),
});

const managementRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/management',
  beforeLoad: onlyFor('/management'),
  component: lazyRouteComponent(() => import('@/features/management/routes/management'), 'ManagementRoute'),
});

const organisationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organisaties',
  beforeLoad: onlyFor('/organisaties'),
  component: lazyRouteComponent(() => import('@/features/organisations/routes/organisations'), 'OrganisationsRoute'),
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/import',
  beforeLoad: onlyFor('/import'),
  component: lazyRouteComponent(() => import('@/features/import/routes/import'), 'ImportRoute'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  oidcCallbackRoute,
  signedInRoute.addChildren([indexRoute, myWeekRoute, partnershipsRoute, partnershipRoute, managementRoute, organisationsRoute, importRoute]),
]);

/**
 * A screen entered (or preloaded) waits for its first answers, so it draws once, with them: not drawn without them and
 * drawn again a moment later, two full renders where a slow machine spent a third of a second on the second. A prefetch
 * never throws: a failed answer is in the cache and the screen shows it with a retry. Changing the search on a screen
 * (`stay`) does not wait: what is shown stays until the new answer comes. Past `pendingMs` the screen's place shows
 * the router's pending component.
 */
async function enteringWaits(cause: 'enter' | 'stay' | 'preload', answers: Promise<void>[]): Promise<void> {
  if (cause !== 'stay') await Promise.all(answers);
}

/** Loads the code of the screen at `href` (its lazy chunk), without its data: the sign-in screen has no session yet. */
function preloadScreenCode(href: string) {
  for (const match of router.matchRoutes(href.split('?')[0])) void router.loadRouteChunk((router.routesById as Record<string, AnyRoute>)[match.routeId]);
}

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true, defaultPendingComponent: () => <LoadingState /> });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
