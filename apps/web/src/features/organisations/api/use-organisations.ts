import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '@crm/api-client';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import { type ExportFormat, saveDownload } from '@/lib/download';

export type OrganisationQuery = NonNullable<paths['/api/organisations']['get']['parameters']['query']>;

export const organisationKeys = { all: ['organisations'] as const };

/** Organisations whose name holds `text` (the API searches words, accents ignored). */
export function useOrganisations(query: Pick<OrganisationQuery, 'text' | 'kind' | 'sort'>, asOf?: Day, enabled = true) {
  return useQuery({
    queryKey: [...organisationKeys.all, 'list', query, asOf ?? 'now'],
    queryFn: async () =>
      unwrap(await api.GET('/api/organisations', { params: { query: { ...query, text: query.text?.trim() || undefined, asOf, sort: query.sort ?? 'name', limit: 200 } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every organisation the list's search matches, as the file the API writes. */
export async function downloadOrganisations(query: Pick<OrganisationQuery, 'text' | 'kind'>, asOf: Day | undefined, format: ExportFormat): Promise<void> {
  saveDownload(await api.GET('/api/organisations', { params: { query: { ...query, text: query.text?.trim() || undefined, asOf, sort: 'name', format } }, parseAs: 'blob' }), `organisaties.${format}`);
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: [...organisationKeys.all, id],
    queryFn: async () => unwrap(await api.GET('/api/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
