import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/lib/api-errors';
import type { ExportFormat } from '@/lib/download';

/**
 * "Exporteren" with the two files the API writes: an Excel workbook first (what school staff open), CSV for other
 * tools. `what` names the export for a screen reader when a screen has several.
 */
export function ExportMenu({ onExport, what, size = 'sm', testId = 'export' }: { onExport: (format: ExportFormat) => Promise<void>; what?: string; size?: 'xs' | 'sm'; testId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await onExport(format);
    } catch (error) {
      notifications.show({ color: 'red', title: t('export.failed'), message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size={size} leftSection={<IconDownload size={size === 'xs' ? 14 : 16} />} loading={busy} aria-label={what ? `${t('export.menu')}: ${what}` : undefined} data-testid={testId}>
          {t('export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('export.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={14} />} onClick={() => void run('csv')} data-testid="export-csv">
          {t('export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
