import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import type { Day } from '@/lib/dates';
import { healthHistoryQuery, type HealthHistoryStep } from '../api/queries';

// The chart library is large: it loads when this card shows, not with the partnership screen.
const HealthHistoryChart = lazy(() => import('./health-history-chart').then((module) => ({ default: module.HealthHistoryChart })));

/** Health over the year up to the picked day, by week or by month (SPEC §7 "a history chart"). */
export function HealthHistoryCard({ partnershipId, asOf }: { partnershipId: string; asOf: Day | undefined }) {
  const { t } = useTranslation();
  const [every, setEvery] = useState<HealthHistoryStep>('month');
  const history = useQuery(healthHistoryQuery(partnershipId, asOf, every));
  const scored = history.data?.steps.filter((step) => step.score !== null) ?? [];
  return (
    <Paper withBorder p="md" data-testid="health-history">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('partnership.history')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('partnership.historyStep')}
            value={every}
            onChange={(value) => setEvery(value as HealthHistoryStep)}
            data={[
              { value: 'week', label: t('partnership.historyWeek') },
              { value: 'month', label: t('partnership.historyMonth') },
            ]}
          />
        </Group>
        {history.isPending ? (
          <LoadingState rows={3} />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : scored.length === 0 ? (
          <EmptyState title={t('partnership.historyEmpty')} icon={<IconChartLine size={28} />} />
        ) : (
          <>
            <Suspense fallback={<LoadingState rows={3} />}>
              <HealthHistoryChart steps={history.data.steps} every={every} />
            </Suspense>
            <Text size="xs" c="dimmed">
              {t('partnership.historyHelp')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
