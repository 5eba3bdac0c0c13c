import { Stack } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { QueryView } from '@/components/query-view';
import { useAsOf } from '@/lib/as-of';
import { useMayGet } from '@/lib/access';
import type { ExportFormat } from '@/lib/download';
import { downloadReport, type ReportPath, useContinuityReport, useDeparturesReport, useKeyPersonRiskReport, useLevelsHistory, useLevelsReport, usePartnerLoadReport, useStartUpReport } from '../api/use-reports';
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
  // Each report is shown to whoever may read its route and offers CSV to whoever may export it: the region role reads
  // the figures-only reports over every school, not those that name people (SPEC §6 R2).
  const mayGet = useMayGet();
  const shows = (path: ReportPath | '/api/reports/levels/history') => mayGet(path);
  const csv = (path: ReportPath) => (mayGet(path, { csv: true }) ? (format: ExportFormat) => downloadReport(path, asOf, format) : undefined);
  const levels = useLevelsReport(asOf, shows('/api/reports/levels'));
  const history = useLevelsHistory(asOf, shows('/api/reports/levels/history'));
  const keyPerson = useKeyPersonRiskReport(asOf, shows('/api/reports/key-person-risk'));
  const continuity = useContinuityReport(asOf, shows('/api/reports/continuity'));
  const partnerLoad = usePartnerLoadReport(asOf, shows('/api/reports/partner-load'));
  const departures = useDeparturesReport(asOf, shows('/api/reports/departures'));
  const startUp = useStartUpReport(asOf, shows('/api/reports/start-up'));

  return (
    <Page title={t('nav.management')} description={t(shows('/api/reports/key-person-risk') ? 'management.description' : 'management.descriptionFigures')}>
      <Stack gap="lg">
        {shows('/api/reports/levels') && (
          <ReportCard title={t('management.levels')} onDownload={csv('/api/reports/levels')} testId="levels">
            <QueryView query={levels} rows={3} empty={{ title: t('management.levelsEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.levels.length === 0}>
              {(data) => (
                <>
                  <LevelsCharts rows={data.levels} />
                  <LevelsTable rows={data.levels} />
                </>
              )}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/levels/history') && (
          <ReportCard title={t('management.history')} testId="history">
            <QueryView query={history} rows={3} empty={{ title: t('management.historyEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.steps.length === 0}>
              {(data) => <LevelsHistoryChart steps={data.steps} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/key-person-risk') && (
          <ReportCard title={t('management.keyPerson')} help={t('management.keyPersonHelp')} onDownload={csv('/api/reports/key-person-risk')} testId="key-person">
            <QueryView query={keyPerson} rows={3} empty={{ title: t('management.keyPersonEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
              {(data) => <KeyPersonTable rows={data.items} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/key-person-risk') && (
          <ReportCard title={t('management.exposure')} help={t('management.exposureHelp')} testId="exposure-card">
            <QueryView query={keyPerson} rows={3} empty={{ title: t('management.exposureEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.every((row) => !row.school.topPerson)}>
              {(data) => <ExposureList rows={data.items} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/continuity') && (
          <ReportCard title={t('management.continuity')} help={t('management.continuityHelp')} onDownload={csv('/api/reports/continuity')} testId="continuity">
            <QueryView query={continuity} rows={3} empty={{ title: t('management.continuityEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
              {(data) => <ContinuityTable rows={data.items} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/partner-load') && (
          <ReportCard title={t('management.partnerLoad')} help={t('management.partnerLoadHelp')} onDownload={csv('/api/reports/partner-load')} testId="partner-load-card">
            <QueryView query={partnerLoad} rows={3} empty={{ title: t('management.partnerLoadEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.items.length === 0}>
              {(data) => <PartnerLoadTable rows={data.items} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/departures') && (
          <ReportCard title={t('management.departures')} help={t('management.departuresHelp')} onDownload={csv('/api/reports/departures')} testId="departures-card">
            <QueryView query={departures} rows={3} empty={{ title: t('management.departures'), icon: <IconChecks size={28} /> }} isEmpty={() => false}>
              {(data) => <DeparturesSummary report={data} />}
            </QueryView>
          </ReportCard>
        )}
        {shows('/api/reports/start-up') && (
          <ReportCard title={t('management.startUp')} help={t('management.startUpHelp')} onDownload={csv('/api/reports/start-up')} testId="start-up-card">
            <QueryView query={startUp} rows={3} empty={{ title: t('management.startUpEmpty'), icon: <IconChecks size={28} /> }} isEmpty={(data) => data.byLevel.length === 0}>
              {(data) => <StartUpTable rows={data.byLevel} />}
            </QueryView>
          </ReportCard>
        )}
      </Stack>
    </Page>
  );
}
