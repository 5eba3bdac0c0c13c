import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import type { TimelineEntry } from '@/lib/views';

export const partnershipKeys = {
  all: (id: string) => ['partnership', id] as const,
  part: (id: string, part: string, asOf: Day | undefined) => ['partnership', id, part, asOf ?? 'now'] as const,
};

/** The ETag's stream revision (`"12"` or `W/"12"`), for If-Match. */
const revisionOf = (etag: string | null): number | undefined => {
  const digits = etag?.replace(/^W\//, '').replace(/"/g, '');
  return digits && /^\d+$/.test(digits) ? Number(digits) : undefined;
};

export const partnershipSummaryQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'summary', asOf),
    queryFn: async () => {
      const result = await api.GET('/api/partnerships/{id}', { params: { path: { id }, query: { asOf } } });
      // The stream revision for If-Match (SPEC §4 R2: the ETag of a query that answers one thing).
      return { ...unwrap(result), etagRevision: revisionOf(result.response.headers.get('etag')) };
    },
  });

export const healthQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'health', asOf),
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/health', { params: { path: { id }, query: { asOf } } })),
  });

export const continuityQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'continuity', asOf),
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/continuity', { params: { path: { id }, query: { asOf } } })),
  });

export const keyPersonRiskQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'key-person-risk', asOf),
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/key-person-risk', { params: { path: { id }, query: { asOf } } })),
  });

/** Every event of the partnership, oldest first (all pages). Its last revision is the stream's. */
export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'timeline', undefined),
    queryFn: async () => {
      const items: TimelineEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/api/partnerships/{id}/timeline', { params: { path: { id }, query: { cursor, limit: 200 } } }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { items, revision: items.length ? items[items.length - 1].revision : -1 };
    },
  });

export type HealthHistoryStep = 'week' | 'month';

/** Health at each week or month of the year up to `asOf` (the API steps back from `to`). */
export const healthHistoryQuery = (id: string, asOf: Day | undefined, every: HealthHistoryStep) =>
  queryOptions({
    queryKey: [...partnershipKeys.part(id, 'health-history', asOf), every] as const,
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/health/history', { params: { path: { id }, query: { to: asOf, every } } })),
  });

/** The activity kinds held in two or more school years versus once (SPEC §3.8), as the API counted them. */
export const recurringQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'recurring-cooperation', asOf),
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/recurring-cooperation', { params: { path: { id }, query: { asOf } } })),
  });
