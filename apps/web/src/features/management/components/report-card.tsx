import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/lib/api-errors';

/** One block of the dashboard: a heading, what it shows, an optional CSV download, and its content. */
export function ReportCard({ title, help, onDownload, children, testId }: { title: string; help?: string; onDownload?: () => Promise<void>; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await onDownload?.();
    } catch (error) {
      notifications.show({ color: 'red', title: t('list.exportFailed'), message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {title}
            </Title>
            {help && (
              <Text size="sm" c="dimmed">
                {help}
              </Text>
            )}
          </div>
          {onDownload && (
            <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={busy} onClick={() => void download()} aria-label={`${t('management.exportCsv')}: ${title}`}>
              {t('management.exportCsv')}
            </Button>
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
