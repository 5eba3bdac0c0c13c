import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorState } from '@/components/states';

/** A screen that failed to render or load shows the error in the frame, with a retry; the rest of the app stays. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorState error={error} onRetry={reset} />;
}
