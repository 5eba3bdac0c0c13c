import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import type { Continuity, Health, KeyPersonRiskReport, Page, PartnershipSummary, TimelineEntry } from '@/lib/views';

/**
 * `asOf` for the one-partnership routes, which read it (the API's @AsOf) although openapi.json does not list it for
 * them yet; the cast goes when the document does.
 */
const asOfQuery = (asOf: Day | undefined) => (asOf ? { asOf } : {}) as never;

export const partnershipKeys = {
  all: (id: string) => ['partnership', id] as const,
  part: (id: string, part: string, asOf: Day | undefined) => ['partnership', id, part, asOf ?? 'now'] as const,
};

export const partnershipSummaryQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'summary', asOf),
    queryFn: async () => {
      const result = await api.GET('/api/partnerships/{id}', { params: { path: { id }, query: asOfQuery(asOf) } });
      const summary = unwrap(result) as unknown as PartnershipSummary;
      // The stream revision for If-Match: the ETag when the API sends one (SPEC §4 R2).
      const etag = result.response.headers.get('etag');
      return { ...summary, etag: etag ? etag.replace(/^W\//, '').replace(/"/g, '') : undefined };
    },
  });

export const healthQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'health', asOf),
    queryFn: async () => unwrap(await api.GET('/api/partnerships/{id}/health', { params: { path: { id }, query: asOfQuery(asOf) } })) as unknown as Health,
  });

export const continuityQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'continuity', asOf),
    queryFn: async () =>
      unwrap(await api.GET('/api/partnerships/{id}/continuity', { params: { path: { id }, query: asOfQuery(asOf) } })) as unknown as Continuity,
  });

export const keyPersonRiskQuery = (id: string, asOf: Day | undefined) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'key-person-risk', asOf),
    queryFn: async () =>
      unwrap(await api.GET('/api/partnerships/{id}/key-person-risk', { params: { path: { id }, query: asOfQuery(asOf) } })) as unknown as KeyPersonRiskReport,
  });

/** Every event of the partnership, oldest first (all pages). Its last revision is the stream's: the page's If-Match. */
export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: partnershipKeys.part(id, 'timeline', undefined),
    queryFn: async () => {
      const items: TimelineEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/api/partnerships/{id}/timeline', { params: { path: { id }, query: { cursor, limit: 200 } } })) as unknown as Page<TimelineEntry>;
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { items, revision: items.length ? items[items.length - 1].revision : -1 };
    },
  });
