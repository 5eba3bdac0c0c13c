import { Stack } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { QueryView } from '@/components/query-view';
import { useAsOf } from '@/lib/as-of';
import { hasRole, useSession } from '@/lib/session';
import { downloadReport, useContinuityReport, useDeparturesReport, useKeyPersonRiskReport, useLevelsHistory, useLevelsReport, usePartnerLoadReport, useStartUpReport } from '../api/use-reports';
import { DeparturesSummary, PartnerLoadTable, StartUpTable } from '../components/insight-tables';
import { ContinuityTable } from '../components/continuity-table';
import { ExposureList } from '../components/exposure-list';
import { KeyPersonTable } from '../components/key-person-table';
import { LevelsCharts } from '../components/levels-charts';
import { LevelsHistoryChart } from '../components/levels-history-chart';
import { LevelsTable } from '../components/levels-table';
import { ReportCard } from '../components/report-card';

/** Management (SPEC §7): the levels report, what hangs on one person, and continuity, all as of the picked day. */
export function ManagementRoute() {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const mayExport = hasRole(useSession(), 'reporting', 'admin');
  const levels = useLevelsReport(asOf);
  const history = useLevelsHistory(asOf);
  const keyPerson = useKeyPersonRiskReport(asOf);
  const continuity = useContinuityReport(asOf);
  const partnerLoad = usePartnerLoadReport(asOf);
  const departures = useDeparturesReport(asOf);
  const startUp = useStartUpReport(asOf);

  return (
    <Page title={t('nav.management')} description={t('management.description')}>
      <Stack gap="lg">
        <ReportCard title={t('management.levels')} onDownload={mayExport ? () => downloadReport('/api/reports/levels', asOf) : undefined} testId="levels">
          <QueryView query={levels} rows={3} empty={{ title: t('management.levelsEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.levels.length === 0}>
            {(data) => (
              <>
                <LevelsCharts rows={data.levels} />
                <LevelsTable rows={data.levels} />
              </>
            )}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.history')} testId="history">
          <QueryView query={history} rows={3} empty={{ title: t('management.historyEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.steps.length === 0}>
            {(data) => <LevelsHistoryChart steps={data.steps} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.keyPerson')} help={t('management.keyPersonHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/key-person-risk', asOf) : undefined} testId="key-person">
          <QueryView query={keyPerson} rows={3} empty={{ title: t('management.keyPersonEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
            {(data) => <KeyPersonTable rows={data.items} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.exposure')} help={t('management.exposureHelp')} testId="exposure-card">
          <QueryView query={keyPerson} rows={3} empty={{ title: t('management.exposureEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.every((row) => !row.school.topPerson)}>
            {(data) => <ExposureList rows={data.items} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.continuity')} help={t('management.continuityHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/continuity', asOf) : undefined} testId="continuity">
          <QueryView query={continuity} rows={3} empty={{ title: t('management.continuityEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
            {(data) => <ContinuityTable rows={data.items} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.partnerLoad')} help={t('management.partnerLoadHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/partner-load', asOf) : undefined} testId="partner-load-card">
          <QueryView query={partnerLoad} rows={3} empty={{ title: t('management.partnerLoadEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
            {(data) => <PartnerLoadTable rows={data.items} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.departures')} help={t('management.departuresHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/departures', asOf) : undefined} testId="departures-card">
          <QueryView query={departures} rows={3} empty={{ title: t('management.departures'), icon: <IconChecks size={28} /> }} isEmpty={() => false}>
            {(data) => <DeparturesSummary report={data} />}
          </QueryView>
        </ReportCard>
        <ReportCard title={t('management.startUp')} help={t('management.startUpHelp')} onDownload={mayExport ? () => downloadReport('/api/reports/start-up', asOf) : undefined} testId="start-up-card">
          <QueryView query={startUp} rows={3} empty={{ title: t('management.startUpEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.byLevel.length === 0}>
            {(data) => <StartUpTable rows={data.byLevel} />}
          </QueryView>
        </ReportCard>
      </Stack>
    </Page>
  );
}
