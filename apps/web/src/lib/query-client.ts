import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-errors';

/** Server state lives here and only here. Client errors (4xx) are answers, not failures worth retrying. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
