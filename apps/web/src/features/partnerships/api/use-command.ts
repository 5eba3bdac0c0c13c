import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '@/lib/api-errors';
import { readYourWrites } from '@/lib/read-your-writes';
import { partnershipKeys } from './queries';

/** What every command answers (SPEC §4). */
export interface CommandResult {
  id: string;
  revision: number;
  position: number;
}

/** The headers of one submit: the page's revision (a 409 if someone else wrote since) and a key that makes a retry safe. */
export interface CommandHeaders {
  'If-Match'?: string;
  'Idempotency-Key': string;
}

export interface CommandInput<V> {
  values: V;
  expectedRevision: number | undefined;
  idempotencyKey: string;
}

type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * A command on one partnership through the typed client. The same submit retried after a network failure keeps its
 * Idempotency-Key (the API then answers the first result); answers of the API (4xx) are not retried. On success the
 * partnership's queries, the worklists and the lists are refreshed, read-your-writes.
 */
export function usePartnershipCommand<V>(partnershipId: string, send: (values: V, headers: CommandHeaders) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ values, expectedRevision, idempotencyKey }: CommandInput<V>) => {
      const headers: CommandHeaders = { 'Idempotency-Key': idempotencyKey };
      if (expectedRevision !== undefined) headers['If-Match'] = String(expectedRevision);
      return unwrap(await send(values, headers)) as CommandResult;
    },
    retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
    onSuccess: async (result) => {
      readYourWrites.wrote(result.position);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: partnershipKeys.all(partnershipId) }),
        queryClient.invalidateQueries({ queryKey: ['worklist'] }),
        queryClient.invalidateQueries({ queryKey: ['partnerships'] }),
      ]);
    },
  });
}
