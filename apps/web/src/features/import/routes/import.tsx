import { Alert, Button, FileInput, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconFileSpreadsheet, IconFileUpload, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { EmptyState, ErrorState } from '@/components/states';
import { downloadTemplate, useImport, type ImportReport } from '../api/use-import';
import { ImportReportTable } from '../components/import-report-table';

/** Import (SPEC §8): a sheet checked first (dry run, a verdict per row), then written as a whole; templates to start from. */
export function ImportRoute() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useImport();

  const send = (dryRun: boolean) => {
    if (!file) return;
    run.mutate({ file, dryRun }, { onSuccess: setReport });
  };
  const ready = report && report.dryRun && report.summary.refused === 0;

  return (
    <Page
      title={t('nav.import')}
      description={t('imports.description')}
      actions={
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="templates">
              {t('imports.templates')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void downloadTemplate('xlsx')}>
              {t('imports.templateXlsx')}
            </Menu.Item>
            <Menu.Item leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void downloadTemplate('csv')}>
              {t('imports.templateCsv')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      }
    >
      <Paper withBorder p="md">
        <Group align="flex-end">
          <FileInput
            label={t('imports.file')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              setFile(next);
              setReport(null);
              run.reset();
            }}
            leftSection={<IconFileUpload size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
            w={360}
            data-testid="import-file"
          />
          <Button onClick={() => send(true)} disabled={!file} loading={run.isPending && run.variables?.dryRun} data-testid="dry-run">
            {t('imports.dryRun')}
          </Button>
          <Button color="green" leftSection={<IconCheck size={16} />} onClick={() => send(false)} disabled={!file || !ready} loading={run.isPending && run.variables?.dryRun === false} data-testid="commit">
            {t('imports.commit')}
          </Button>
        </Group>
      </Paper>
      {run.isError ? (
        <ErrorState error={run.error} />
      ) : !report ? (
        <EmptyState icon={<IconFileSpreadsheet size={28} />} title={t('imports.emptyTitle')}>
          {t('imports.empty')}
        </EmptyState>
      ) : (
        <Stack gap="sm" data-testid="import-result">
          {report.committed ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck />} role="status">
              {t('imports.committed', report.summary)}
            </Alert>
          ) : (
            <Alert color={report.summary.refused ? 'orange' : 'green'} variant="light" icon={report.summary.refused ? <IconAlertTriangle /> : <IconCircleCheck />} title={t('imports.report')} role="status">
              <Text size="sm" data-testid="import-summary">
                {t('imports.summary', report.summary)}
              </Text>
              <Text size="sm">{report.summary.refused ? t('imports.refusedHelp') : t('imports.readyHelp')}</Text>
            </Alert>
          )}
          {report.ignoredColumns.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('imports.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}
            </Text>
          )}
          <ImportReportTable rows={report.rows} />
        </Stack>
      )}
    </Page>
  );
}
