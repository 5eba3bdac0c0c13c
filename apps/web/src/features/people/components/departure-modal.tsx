import { Alert, Badge, List, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@crm/api-client';
import { DatePickerInput } from '@/components/date-picker-input';
import { commandErrors, useDirectoryCommand } from '@/features/organisations/api/use-directory-command';
import { FormModal } from '@/features/organisations/components/form-modal';
import { usePartnershipNames } from '@/features/worklist/api/use-partnership-names';
import { api } from '@/lib/api';
import { errorText } from '@/lib/api-errors';
import { today } from '@/lib/dates';
import { useReasonText } from '@/lib/reasons';
import { useExposure } from '../api/use-people-list';

type Person = components['schemas']['PersonResponse'];

/**
 * Records that a person left. Before it is confirmed it shows what the API says the departure would leave behind
 * (GET /people/:id/exposure, departureImpact): each partnership that would have no contact or a high key-person risk.
 */
export function DepartureModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const [leftAt, setLeftAt] = useState<string>(today());
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (person) {
      setLeftAt(today());
      setReason('');
    }
  }, [person]);
  const exposure = useExposure(person?.personId);
  const impact = exposure.data?.departureImpact ?? [];
  const names = usePartnershipNames(impact.map((entry) => entry.partnershipId), undefined);
  const command = useDirectoryCommand((body: components['schemas']['RecordDepartureDto'], headers) =>
    api.POST('/api/people/{id}/departure', { params: { path: { id: person!.personId }, header: { ...headers, 'If-Match': String(person!.revision) } }, body }),
  );
  const { fields, general } = commandErrors(command.error);
  const close = () => {
    command.reset();
    onClose();
  };
  const submit = () =>
    command.mutate(
      { leftAt, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('people.saved') });
          close();
        },
      },
    );
  return (
    <FormModal
      opened={!!person}
      onClose={close}
      title={t('people.departureTitle', { name: person?.name ?? '' })}
      onSubmit={submit}
      pending={command.isPending}
      error={general ?? (exposure.isError ? errorText(exposure.error) : null)}
      submitLabel={t('people.confirmDeparture')}
      submitColor="red"
      submitDisabled={exposure.isPending}
      testId="departure-form"
    >
      <DatePickerInput label={t('people.leftAt')} required value={leftAt} onChange={(value) => value && setLeftAt(value)} maxDate={today()} valueFormat="D MMMM YYYY" error={fields.leftAt} />
      <TextInput label={t('people.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} maxLength={500} />
      {exposure.isPending ? (
        <Text size="sm" c="dimmed">
          {t('states.loading')}
        </Text>
      ) : impact.length === 0 ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck />} data-testid="departure-impact">
          {t('people.impactNone')}
        </Alert>
      ) : (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('people.impactTitle')} data-testid="departure-impact">
          <List spacing={6} size="sm">
            {impact.map((entry) => (
              <List.Item key={`${entry.partnershipId}-${entry.side}`}>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {names.get(entry.partnershipId) ?? t('worklist.partnershipLoading')}{' '}
                    <Badge color={entry.becomes === 'orphaned' ? 'red' : 'orange'} variant="light" size="sm" styles={{ label: { textTransform: 'none' } }}>
                      {t(`vocab.side.${entry.side}`)}: {t(`people.becomes.${entry.becomes}`)}
                    </Badge>
                  </Text>
                  <Text size="xs" data-testid="impact-reason">{reasonText(entry)}</Text>
                </Stack>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </FormModal>
  );
}
