import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states';

/** One query's loading, error and empty states, designed; its content otherwise. */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  rows,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  /** The empty state: its title, and optionally why and an icon. */
  empty: { title: string; text?: string; icon?: ReactNode };
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState rows={rows} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data))
    return (
      <EmptyState icon={empty.icon} title={empty.title}>
        {empty.text}
      </EmptyState>
    );
  return <>{children(query.data)}</>;
}
