/**
 * Who may do what (SPEC §6): the one place that maps roles to routes and routes to scope rules. Controllers say which
 * class of route they are (`@Access('record')`, `@Public()`); ROUTE_CLASSES says which roles that class admits, and
 * ROUTE_RULES names every route with its class and how the caller's scope (scope/scope.ts) limits it. The API refuses
 * to start when a route has no rule or its decorator names another class (AuthModule), and the e2e access matrix is
 * generated from this table (test/e2e/access-matrix.spec.ts). The web app offers screens and buttons by the same table
 * (apps/web/src/lib/access.ts bundles this file): keep it plain TypeScript without imports.
 */
export const ROLES = ['connector', 'manager', 'reporting', 'admin', 'region'] as const;
export type Role = (typeof ROLES)[number];

export const ROUTE_CLASSES = {
  /** Commands on people and partnerships: register, change, depart, open, stage, contacts, interactions, … */
  record: ['connector', 'admin'],
  /** POST/PATCH /organisations. */
  organisations: ['admin'],
  /** POST /logins: link a login (token sub) to a person. */
  logins: ['admin'],
  /** POST /people/:id/erasure (GDPR art. 17). */
  erasure: ['admin'],
  /** Lists and details: partnerships (+ health, continuity, key-person risk, timeline), organisations, people (+ exposure), worklist. */
  read: ['connector', 'manager', 'reporting', 'admin'],
  /** GET /me: who the caller is and what it sees. */
  me: ['connector', 'manager', 'reporting', 'admin', 'region'],
  /** GET /reports/* that name people or carry their data (key-person risk, continuity, departures). */
  reports: ['manager', 'reporting', 'admin'],
  /**
   * GET /reports/* of figures only (levels and their history, partner load, start-up pace, recurring cooperation): no
   * free text and no personal data, so a `region` login (regional platform staff) may read them over every school.
   */
  aggregates: ['manager', 'reporting', 'admin', 'region'],
  /**
   * CSV or xlsx of any list or report (`?format=csv|xlsx`, `Accept`): every matching row in one answer, i.e. bulk
   * export. Checked on top of the route's own class, so an export needs both: whoever may read a list or report
   * may export it, except connectors (their lists are for working, not bulk copying).
   */
  export: ['manager', 'reporting', 'admin', 'region'],
  /** GET /audit: who recorded what and when (SPEC §6 R2). */
  audit: ['admin'],
  /** POST /admin/projections/rebuild. */
  rebuild: ['admin'],
  /** GET /metrics: counts and lag only; a Prometheus scraper gets a least-privilege (reporting) token. */
  metrics: ['connector', 'manager', 'reporting', 'admin', 'region'],
} as const satisfies Record<string, readonly Role[]>;

export type RouteClass = keyof typeof ROUTE_CLASSES;

/**
 * How a route obeys the caller's scope (SPEC §6 R2):
 * - `partnership`, `person`, `organisation`: the `:id` names such a record; outside the scope it answers 404 as if it
 *   did not exist (a command too: nothing is written);
 * - `list`: a list, report, worklist or export, filtered in the read-store query to the scope (counts and pages too);
 * - `body`: a command whose body names the school or organisation it is for, refused as unknown outside the scope;
 * - `none`: no scoped records (who the caller is, metrics, templates, admin-only work).
 */
export const SCOPE_RULES = ['partnership', 'person', 'organisation', 'list', 'body', 'none'] as const;
export type ScopeRule = (typeof SCOPE_RULES)[number];

export interface RouteRule {
  class: RouteClass;
  scope: ScopeRule;
}

/** Every route of the API (paths without the `/api` prefix), with its class and scope rule. `GET /health` is public. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /me': { class: 'me', scope: 'none' },
  'POST /logins': { class: 'logins', scope: 'none' },
  'GET /metrics': { class: 'metrics', scope: 'none' },
  'POST /admin/projections/rebuild': { class: 'rebuild', scope: 'none' },
  'POST /imports': { class: 'organisations', scope: 'none' },
  'GET /imports/template': { class: 'read', scope: 'none' },
  'POST /organisations': { class: 'organisations', scope: 'none' },
  'PATCH /organisations/:id': { class: 'organisations', scope: 'organisation' },
  'GET /organisations': { class: 'read', scope: 'list' },
  'GET /organisations/:id': { class: 'read', scope: 'organisation' },
  'POST /people': { class: 'record', scope: 'body' },
  'PATCH /people/:id': { class: 'record', scope: 'person' },
  'POST /people/:id/departure': { class: 'record', scope: 'person' },
  'POST /people/:id/erasure': { class: 'erasure', scope: 'person' },
  'GET /people': { class: 'read', scope: 'list' },
  'GET /people/:id': { class: 'read', scope: 'person' },
  'GET /people/:id/exposure': { class: 'read', scope: 'person' },
  'GET /worklist': { class: 'read', scope: 'list' },
  'POST /partnerships': { class: 'record', scope: 'body' },
  'POST /partnerships/:id/stage': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/intensity': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/contacts': { class: 'record', scope: 'partnership' },
  'DELETE /partnerships/:id/contacts/:personId': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/interactions': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/activities': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/agreements': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/agreements/:aid/termination': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/evaluations': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/commitments': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/commitments/:cid/fulfilment': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/commitments/:cid/breach': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/commitments/:cid/cancellation': { class: 'record', scope: 'partnership' },
  'POST /partnerships/:id/end': { class: 'record', scope: 'partnership' },
  'GET /partnerships': { class: 'read', scope: 'list' },
  'GET /partnerships/:id': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/health': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/health/history': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/continuity': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/key-person-risk': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/recurring-cooperation': { class: 'read', scope: 'partnership' },
  'GET /partnerships/:id/timeline': { class: 'read', scope: 'partnership' },
  'GET /reports/levels': { class: 'aggregates', scope: 'list' },
  'GET /reports/levels/history': { class: 'aggregates', scope: 'list' },
  'GET /reports/partner-load': { class: 'aggregates', scope: 'list' },
  'GET /reports/start-up': { class: 'aggregates', scope: 'list' },
  'GET /reports/recurring-cooperation': { class: 'aggregates', scope: 'list' },
  'GET /reports/key-person-risk': { class: 'reports', scope: 'list' },
  'GET /reports/continuity': { class: 'reports', scope: 'list' },
  'GET /reports/departures': { class: 'reports', scope: 'list' },
  'GET /audit': { class: 'audit', scope: 'none' },
};

/** `METHOD /path` of a route, its path without the `/api` prefix and without a trailing slash. */
export function routeKey(method: string, path: string): string {
  const trimmed = `/${path.replace(/^\/+/, '').replace(/^api(\/|$)/, '').replace(/\/+$/, '')}`;
  return `${method.toUpperCase()} ${trimmed}`;
}

/** The rule of a route, or undefined when the table has none. */
export function ruleOf(method: string, path: string): RouteRule | undefined {
  return ROUTE_RULES[routeKey(method, path)];
}

export function rolesFor(routeClass: RouteClass): readonly Role[] {
  return ROUTE_CLASSES[routeClass];
}

/** Whether a user with these roles may use a route of this class (asking for CSV when `csv`). */
export function mayAccess(roles: readonly string[], routeClass: RouteClass, csv = false): boolean {
  const admits = (cls: RouteClass) => rolesFor(cls).some((role) => roles.includes(role));
  return admits(routeClass) && (!csv || admits('export'));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
