import { Stack } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useAsOf } from '@/lib/as-of';
import { hasRole, useSession } from '@/lib/session';
import { downloadReport, useContinuityReport, useDeparturesReport, useKeyPersonRiskReport, useLevelsReport, usePartnerLoadReport, useStartUpReport } from '../api/use-reports';
import { DeparturesSummary, PartnerLoadTable, StartUpTable } from '../components/insight-tables';
import { ContinuityTable } from '../components/continuity-table';
import { ExposureList } from '../components/exposure-list';
import { KeyPersonTable } from '../components/key-person-table';
import { LevelsCharts } from '../components/levels-charts';
import { LevelsTable } from '../components/levels-table';
import { ReportCard } from '../components/report-card';

/** Loading, error and empty for one report; its content otherwise. */
function Loaded<T>({ query, empty, isEmpty, children }: { query: UseQueryResult<T>; empty: string; isEmpty: (data: T) => boolean; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState rows={3} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty(query.data)) return <EmptyState icon={<IconChecks size={28} />} title={empty} />;
  return <>{children(query.data)}</>;
}

/** Management (SPEC §7): the levels report, what hangs on one person, and continuity, all as of the picked day. */
export function ManagementRoute() {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const mayExport = hasRole(useSession(), 'reporting', 'admin');
  const levels = useLevelsReport(asOf);
  const keyPerson = useKeyPersonRiskReport(asOf);
  const continuity = useContinuityReport(asOf);
  const partnerLoad = usePartnerLoadReport(asOf);
  const departures = useDeparturesReport(asOf);
  const startUp = useStartUpReport(asOf);

  return (
    <Page title={t('nav.management')} description={t('management.description')}>
      <Stack gap="lg">
        <ReportCard title={t('management.levels')} onDownload={mayExport ? () => downloadReport('/api/reports/levels', asOf) : undefined} testId="levels">
          <Loaded query={levels} empty={t('management.levelsEmpty')} isEmpty={(data) => data.levels.length === 0}>
            {(data) => (
              <>
                <LevelsCharts rows={data.levels} />
                <LevelsTable rows={data.levels} />
              </>
            )}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.keyPerson')} help={t('management.keyPersonHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/key-person-risk', asOf) : undefined} testId="key-person">
          <Loaded query={keyPerson} empty={t('management.keyPersonEmpty')} isEmpty={(data) => data.items.length === 0}>
            {(data) => <KeyPersonTable rows={data.items} />}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.exposure')} help={t('management.exposureHelp')} testId="exposure-card">
          <Loaded query={keyPerson} empty={t('management.exposureEmpty')} isEmpty={(data) => data.items.every((row) => !row.school.topPerson)}>
            {(data) => <ExposureList rows={data.items} />}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.continuity')} help={t('management.continuityHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/continuity', asOf) : undefined} testId="continuity">
          <Loaded query={continuity} empty={t('management.continuityEmpty')} isEmpty={(data) => data.items.length === 0}>
            {(data) => <ContinuityTable rows={data.items} />}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.partnerLoad')} help={t('management.partnerLoadHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/partner-load', asOf) : undefined} testId="partner-load-card">
          <Loaded query={partnerLoad} empty={t('management.partnerLoadEmpty')} isEmpty={(data) => data.items.length === 0}>
            {(data) => <PartnerLoadTable rows={data.items} />}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.departures')} help={t('management.departuresHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/departures', asOf) : undefined} testId="departures-card">
          <Loaded query={departures} empty={t('management.departures')} isEmpty={() => false}>
            {(data) => <DeparturesSummary report={data} />}
          </Loaded>
        </ReportCard>
        <ReportCard title={t('management.startUp')} help={t('management.startUpHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/start-up', asOf) : undefined} testId="start-up-card">
          <Loaded query={startUp} empty={t('management.startUpEmpty')} isEmpty={(data) => data.byLevel.length === 0}>
            {(data) => <StartUpTable rows={data.byLevel} />}
          </Loaded>
        </ReportCard>
      </Stack>
    </Page>
  );
}
