import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ExportMenu } from '@/components/export-menu';
import type { ExportFormat } from '@/lib/download';

/** One block of the dashboard: a heading, what it shows, an optional export (Excel or CSV), and its content. */
export function ReportCard({ title, help, onDownload, children, testId }: { title: string; help?: string; onDownload?: (format: ExportFormat) => Promise<void>; children: ReactNode; testId?: string }) {
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
          {onDownload && <ExportMenu onExport={onDownload} what={title} size="xs" testId={testId ? `${testId}-export` : undefined} />}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
