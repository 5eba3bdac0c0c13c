import { Button, Group, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '@/components/export-menu';
import { Page } from '@/components/page';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useAsOf } from '@/lib/as-of';
import { useMay } from '@/lib/access';
import { downloadPartnershipList, partnershipListQuery } from '../api/use-partnership-list';
import { PartnershipFiltersBar } from '../components/partnership-filters';
import { PartnershipsTable } from '../components/partnerships-table';
import type { PartnershipFilters } from '../list-search';

/** Partnerschappen (SPEC §7): every partnership, filtered, searched and sorted by the API, paged by cursor, exportable. */
export function PartnershipsListRoute() {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const filters = useSearch({ from: '/signed-in/partnerschappen' });
  const { asOf: _asOf, ...listFilters } = filters as PartnershipFilters & { asOf?: string };
  const navigate = useNavigate();
  const list = useInfiniteQuery(partnershipListQuery(listFilters, asOf));
  const mayExport = useMay()('read', { csv: true });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilters = (next: PartnershipFilters) => void navigate({ to: '/partnerschappen', search: { ...next, asOf }, replace: true });

  return (
    <Page
      title={t('nav.partnerships')}
      description={t('list.description')}
      actions={mayExport && <ExportMenu onExport={(format) => downloadPartnershipList(listFilters, asOf, format)} />}
    >
      <PartnershipFiltersBar filters={listFilters} onChange={setFilters} />
      {list.isPending ? (
        <LoadingState rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<IconSearchOff size={28} />} title={t('list.emptyTitle')}>
          {t('list.empty')}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="shown">
            {t('list.shown', { count: rows.length })}
          </Text>
          <PartnershipsTable rows={rows} />
          <Group justify="center">
            {list.hasNextPage ? (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="more">
                {t('list.more')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('list.allLoaded')}
              </Text>
            )}
          </Group>
        </>
      )}
    </Page>
  );
}
