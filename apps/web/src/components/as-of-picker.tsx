import { Button, Group } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAsOf } from '@/lib/as-of';
import { today } from '@/lib/dates';
import { DatePickerInput } from './date-picker-input';

/**
 * The time-travel control of every screen: the day everything is shown as of (the URL's `asOf`). `withLabel`: its name
 * and purpose shown above it (in the phone's menu, where no header around it says what the day is for).
 */
export function AsOfPicker({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const { asOf, setAsOf } = useAsOf();
  const now = today();
  return (
    <Group gap={6} wrap="nowrap" align="flex-end">
      <DatePickerInput
        aria-label={t('asOf.label')}
        title={t('asOf.description')}
        label={withLabel ? t('asOf.label') : undefined}
        description={withLabel ? t('asOf.description') : undefined}
        placeholder={t('asOf.today')}
        value={asOf ?? now}
        onChange={(value) => setAsOf(!value || value === now ? undefined : value)}
        maxDate={now}
        valueFormat="D MMM YYYY"
        leftSection={<IconCalendar size={16} aria-hidden />}
        size="sm"
        w={170}
        data-testid="as-of"
      />
      {asOf && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAsOf(undefined)}>
          {t('asOf.today')}
        </Button>
      )}
    </Group>
  );
}
