/**
 * Who may do what (SPEC §6): the one place that maps roles to routes. Controllers only say which class of
 * route they are (`@Access('record')`, `@Public()`); this table says which roles that class admits.
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
  /** Lists and details: partnerships (+ health, continuity, key-person risk, timeline), organisations, people (+ exposure), worklist, me. */
  read: ['connector', 'manager', 'reporting', 'admin'],
  /** GET /reports/*: management and reporting views; `region` (regional platform staff, SPEC §6 R2) reports over all schools. */
  reports: ['manager', 'reporting', 'admin', 'region'],
  /**
   * CSV or xlsx of any list or report (`?format=csv|xlsx`, `Accept`): every matching row in one answer, i.e. bulk
   * export. Checked on top of the route's own class, so an export needs both: whoever may read a list or report
   * may export it, except connectors (their lists are for working, not bulk copying).
   */
  export: ['manager', 'reporting', 'admin'],
  /** GET /audit: who recorded what and when (SPEC §6 R2). */
  audit: ['admin'],
  /** POST /admin/projections/rebuild. */
  rebuild: ['admin'],
  /** GET /metrics: counts and lag only; a Prometheus scraper gets a least-privilege (reporting) token. */
  metrics: ['connector', 'manager', 'reporting', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RouteClass = keyof typeof ROUTE_CLASSES;

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
