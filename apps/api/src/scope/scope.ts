import { Filter } from '@crm/read-store';

/**
 * Whose records a login sees and acts on (SPEC §6 R2). `all`: every school's (admin, region). Otherwise the
 * partnerships of `schoolIds` only, and the organisations and people those partnerships involve; no schools (a scoped
 * login linked to nobody, or to someone outside a school): nothing scoped at all.
 */
export type Scope = { readonly all: true } | { readonly all: false; readonly schoolIds: readonly string[]; readonly reason: ScopeReason };

/** Why a scoped login sees what it sees: its person's school, or nothing because it is linked to nobody or to no school. */
export type ScopeReason = 'own_school' | 'login_not_linked' | 'person_not_at_a_school';

export const EVERY_SCHOOL: Scope = { all: true };

/** Roles that see across schools; every other role is scoped to its person's school. */
export const CROSS_SCHOOL_ROLES: readonly string[] = ['admin', 'region'];

export function schoolsScope(schoolIds: readonly string[], reason: ScopeReason): Scope {
  return { all: false, schoolIds: [...new Set(schoolIds)].sort(), reason };
}

/** A stable name of the scope, for caches shared between requests. */
export function scopeKey(scope: Scope): string {
  return scope.all ? 'all' : `schools:${scope.schoolIds.join(',')}`;
}

/** The read-store filter on partnerships (indexed `schoolId`), ANDed into every partnership query. */
export function partnershipScopeFilter(scope: Scope): Filter | undefined {
  return scope.all ? undefined : { schoolId: { $in: [...scope.schoolIds] } };
}

/** The read-store filter on organisations (indexed `schoolIds`: the schools whose partnerships involve it). */
export function organisationScopeFilter(scope: Scope): Filter | undefined {
  return scope.all ? undefined : { schoolIds: { $in: [...scope.schoolIds] } };
}

export function seesSchool(scope: Scope, schoolId: string): boolean {
  return scope.all || scope.schoolIds.includes(schoolId);
}

export function seesOrganisation(scope: Scope, organisation: { schoolIds?: readonly string[] }): boolean {
  return scope.all || (organisation.schoolIds ?? []).some((id) => scope.schoolIds.includes(id));
}

/**
 * A filter with the scope's filter ANDed in. Fields the filter does not name are added beside its own (so the read
 * store's equality indexes still serve them); a field both name is intersected (`school=X` outside the scope selects
 * nothing).
 */
export function withScope(filter: Filter, scopeFilter: Filter | undefined): Filter {
  if (!scopeFilter) return filter;
  const combined: Filter = { ...filter };
  for (const [field, condition] of Object.entries(scopeFilter)) {
    if (!(field in combined)) {
      combined[field] = condition;
      continue;
    }
    const allowed = (condition as { $in: unknown[] }).$in;
    const own = combined[field];
    if (typeof own === 'string') combined[field] = allowed.includes(own) ? own : { $in: [] };
    else if (own && typeof own === 'object' && Array.isArray((own as { $in?: unknown[] }).$in)) {
      combined[field] = { $in: (own as { $in: unknown[] }).$in.filter((value) => allowed.includes(value)) };
    } else return { $and: [filter, scopeFilter] };
  }
  return combined;
}
