import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';

/** People whose name or role holds `text` (all words, accents ignored by the API), still in their organisation. */
export function usePeopleSearch(text: string, options: { organisation?: string; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['people', 'search', text, options.organisation ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/people', {
          params: { query: { text: text.trim() || undefined, organisation: options.organisation, left: 'false', sort: 'name', limit: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function usePerson(personId: string | undefined) {
  return useQuery({
    queryKey: ['people', personId],
    queryFn: async () => unwrap(await api.GET('/api/people/{id}', { params: { path: { id: personId! } } })),
    enabled: !!personId,
  });
}
