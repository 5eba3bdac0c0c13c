import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorText, unwrap } from '@/lib/api-errors';
import { newIdempotencyKey } from '@/lib/ids';

type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * A command on an organisation or a person through the typed client, with a fresh Idempotency-Key per submit; on
 * success the organisation and people lists (and what shows their names) are read again.
 */
export function useDirectoryCommand<V>(send: (values: V, headers: { 'Idempotency-Key': string }) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: V) => unwrap(await send(values, { 'Idempotency-Key': newIdempotencyKey() })),
    retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
    onSuccess: () =>
      Promise.all(['organisations', 'people', 'partnerships', 'reports'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

/** The API's message for a failed command, per field when it names one. */
export function commandErrors(error: unknown): { fields: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: error ? errorText(error) : null };
  const fields = error.fieldErrors();
  return { fields, general: Object.keys(fields).length ? null : errorText(error) };
}
