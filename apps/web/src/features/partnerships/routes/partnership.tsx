import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Page } from '@/components/page';
import { ErrorState, LoadingState } from '@/components/states';
import { useAsOf } from '@/lib/as-of';
import { partnershipSummaryQuery } from '../api/queries';

export function PartnershipRoute() {
  const { partnershipId } = useParams({ from: '/signed-in/partnerschappen/$partnershipId' });
  const { asOf } = useAsOf();
  const summary = useQuery(partnershipSummaryQuery(partnershipId, asOf));
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  return <Page title={`${summary.data.school.name} – ${summary.data.partner.name}`}>{null}</Page>;
}
